using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;

namespace Monitor.Research;

/// <summary>
/// The CSV variant of the exports, for R and pandas: UTF-8 with a BOM (Excel then reads the accents too),
/// <c>,</c> between cells, <c>.</c> as decimal mark, ISO dates, <c>TRUE</c>/<c>FALSE</c> (what R's
/// <c>read.csv</c> and pandas both read as logical), an empty cell for a missing value, RFC 4180 quoting,
/// LF line ends. CSV carries no types: <c>dictionary.csv</c> says which columns are text (codes keep their
/// zeros only when read as text) and docs/research.md shows how to tell R and pandas.
/// </summary>
public sealed class CsvSink : IDisposable
{
    private readonly StreamWriter _writer;

    public CsvSink(string path, IReadOnlyList<ColumnSpec> specs)
    {
        _writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16) { NewLine = "\n" };
        _writer.Write(string.Join(",", specs.Select(s => Quote(s.Name))));
        _writer.Write('\n');
    }

    public void Write(DataFrame frame)
    {
        var columns = frame.Columns;
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (c > 0) _writer.Write(',');
                switch (columns[c])
                {
                    case StringDataFrameColumn s:
                        if (s[row] is { } text) _writer.Write(Quote(text));
                        break;
                    case Int32DataFrameColumn i:
                        if (i[row] is { } int32) _writer.Write(int32.ToString(CultureInfo.InvariantCulture));
                        break;
                    case Int64DataFrameColumn l:
                        if (l[row] is { } int64) _writer.Write(int64.ToString(CultureInfo.InvariantCulture));
                        break;
                    case BooleanDataFrameColumn b:
                        if (b[row] is { } boolean) _writer.Write(boolean ? "TRUE" : "FALSE");
                        break;
                    case DateTimeDataFrameColumn d:
                        if (d[row] is { } date) _writer.Write(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        break;
                    default:
                        throw new InvalidOperationException($"column {columns[c].Name} has a type the export does not write ({columns[c].DataType})");
                }
            }
            _writer.Write('\n');
        }
    }

    public static string Quote(string text)
    {
        if (text.AsSpan().IndexOfAny(",\"\n\r") < 0) return text;
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public void Dispose() => _writer.Dispose();
}
