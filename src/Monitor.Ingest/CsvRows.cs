using System.Text;
using System.Text.Unicode;
using CsvHelper;

namespace Monitor.Ingest;

/// <summary>One data row: its physical line (header = line 1) and its cells, trimmed, null when empty or
/// missing. The cells array is reused for the next row: read it before moving on.</summary>
public sealed record CsvRow(int Line, string?[] Cells);

/// <summary>
/// Reads an extract as PROTOCOL.md 2 describes it, with CsvHelper: UTF-8 with or without BOM; <c>;</c>
/// when the header line contains one, else <c>,</c>; RFC 4180 quoting; header names trimmed and
/// lower-cased; blank lines skipped (a line of only delimiters is not blank: it is a row of missing
/// values); lines numbered physically. Streams: never holds the file.
/// </summary>
public sealed class CsvRows : IDisposable
{
    private readonly CsvReader _reader;
    private string? _unterminatedQuote;

    private CsvRows(string path, char separator)
    {
        Semicolon = separator == ';';
        _reader = CsvReader.FromFile(path, CsvReaderOptions.Default with
        {
            Separator = separator,
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            // A stray quote in an unquoted cell is kept as text (CsvHelper's recovery); only a quote that is
            // never closed is fatal, since it swallows the rest of the file into one cell.
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record =>
            {
                if (record.Reason == CsvMalformedReason.UnterminatedQuote)
                    _unterminatedQuote = $"a quote opened on line {record.LineNumber} is never closed";
            },
            IncludeValuesInExceptions = false, // values may be citizen numbers: keep them out of messages
            PoolStrings = true,
        });
        Header = _reader.Headers.Select(name => name.Trim().ToLowerInvariant()).ToArray();
    }

    /// <summary>Opens a file whose bytes <see cref="ExtractFile.Scan"/> found to be UTF-8 text.</summary>
    public static CsvRows Open(string path) => new(path, SeparatorOf(path));

    /// <summary>Whether the file is <c>;</c>-delimited: it also decides how numbers are read.</summary>
    public bool Semicolon { get; }

    /// <summary>Column names, trimmed and lower-case.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>How far into the file the reader is, for progress.</summary>
    public long BytesRead => _reader.ByteOffset;

    /// <summary>Why the file cannot be read as CSV at all, once <see cref="Rows"/> has run into it.</summary>
    public string? FatalProblem => _unterminatedQuote;

    public IEnumerable<CsvRow> Rows()
    {
        var cells = new string?[Header.Count];
        while (_reader.Read())
        {
            if (cells.Length < _reader.FieldCount) cells = new string?[_reader.FieldCount];
            Array.Clear(cells);
            for (var i = 0; i < _reader.FieldCount; i++)
            {
                var cell = _reader.GetString(i)?.Trim();
                cells[i] = string.IsNullOrEmpty(cell) ? null : cell;
            }
            yield return new CsvRow((int)_reader.LineNumber, cells);
        }
    }

    /// <summary><c>;</c> when the header line contains one, else <c>,</c> (PROTOCOL.md 2).</summary>
    private static char SeparatorOf(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[64 * 1024];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var text = buffer.AsSpan(0, read);
        var end = text.IndexOfAny((byte)'\n', (byte)'\r');
        var headerLine = end >= 0 ? text[..end] : text;
        return headerLine.Contains((byte)';') ? ';' : ',';
    }

    public void Dispose() => _reader.Dispose();
}
