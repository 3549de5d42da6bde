using Apache.Arrow;
using Microsoft.Data.Analysis;
using Parquet;
using Parquet.Schema;

namespace Monitor.Research;

/// <summary>
/// Arrow record batches to Parquet and back, column by column: Parquet.Net 6.1.0 has no Arrow adapter.
/// One row group per batch; the schema comes from the export's columns, not from a batch, so a chunk
/// without a single null still writes an optional column.
/// </summary>
public sealed class ParquetSink : IAsyncDisposable
{


    private readonly IReadOnlyList<ColumnSpec> _specs;
    private readonly DataField[] _fields;
    private readonly Stream _stream;
    private readonly ParquetWriter _writer;

    private ParquetSink(IReadOnlyList<ColumnSpec> specs, DataField[] fields, Stream stream, ParquetWriter writer) =>
        (_specs, _fields, _stream, _writer) = (specs, fields, stream, writer);

    public static async Task<ParquetSink> CreateAsync(string path, IReadOnlyList<ColumnSpec> specs, IReadOnlyDictionary<string, string> metadata)
    {
        var fields = specs.Select(Field).ToArray();
        var stream = File.Create(path);
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        writer.CustomMetadata = new Dictionary<string, string>(metadata);
        return new ParquetSink(specs, fields, stream, writer);
    }

    public static DataField Field(ColumnSpec spec) => (spec.Kind, spec.Nullable) switch
    {
        (ColumnKind.String, _) => new DataField<string>(spec.Name, spec.Nullable),
        (ColumnKind.Int32, true) => new DataField<int?>(spec.Name),
        (ColumnKind.Int32, false) => new DataField<int>(spec.Name),
        (ColumnKind.Int64, true) => new DataField<long?>(spec.Name),
        (ColumnKind.Int64, false) => new DataField<long>(spec.Name),
        (ColumnKind.Boolean, _) => new DataField<bool>(spec.Name),
        (ColumnKind.Date, true) => new DataField<DateOnly?>(spec.Name),
        (ColumnKind.Date, false) => new DataField<DateOnly>(spec.Name),
        _ => throw new ArgumentOutOfRangeException(nameof(spec)),
    };

    /// <summary>Writes one row group.</summary>
    public async Task WriteAsync(RecordBatch batch)
    {
        if (batch.Length == 0) return;
        using var group = _writer.CreateRowGroup();
        for (var c = 0; c < _specs.Count; c++)
        {
            var (spec, field, array) = (_specs[c], _fields[c], batch.Column(c));
            switch (spec.Kind)
            {
                case ColumnKind.String:
                    await group.WriteAsync(field, Texts((StringArray)array)!);
                    break;
                case ColumnKind.Int32 when spec.Nullable:
                    await group.WriteAsync<int>(field, ((Int32Array)array).ToArray().AsMemory());
                    break;
                case ColumnKind.Int32:
                    await group.WriteAsync<int>(field, ((Int32Array)array).Values.ToArray().AsMemory());
                    break;
                case ColumnKind.Int64 when spec.Nullable:
                    await group.WriteAsync<long>(field, ((Int64Array)array).ToArray().AsMemory());
                    break;
                case ColumnKind.Int64:
                    await group.WriteAsync<long>(field, ((Int64Array)array).Values.ToArray().AsMemory());
                    break;
                case ColumnKind.Boolean:
                    var booleans = (BooleanArray)array;
                    var values = new bool[booleans.Length];
                    for (var i = 0; i < values.Length; i++) values[i] = booleans.GetValue(i) ?? throw new InvalidOperationException($"{spec.Name} has a missing value");
                    await group.WriteAsync<bool>(field, values.AsMemory());
                    break;
                case ColumnKind.Date:
                    var dates = (Date32Array)array;
                    if (spec.Nullable)
                    {
                        var nullable = new DateOnly?[dates.Length];
                        for (var i = 0; i < nullable.Length; i++) nullable[i] = dates.GetDateOnly(i);
                        await group.WriteAsync<DateOnly>(field, nullable.AsMemory());
                    }
                    else
                    {
                        var plain = new DateOnly[dates.Length];
                        for (var i = 0; i < plain.Length; i++) plain[i] = dates.GetDateOnly(i) ?? throw new InvalidOperationException($"{spec.Name} has a missing value");
                        await group.WriteAsync<DateOnly>(field, plain.AsMemory());
                    }
                    break;
            }
        }
    }

    /// <summary>The strings of an Arrow column. Neighbouring rows often repeat one (a youth's segments, a
    /// file's SHA-256): the previous string is reused when the bytes are the same, instead of decoding anew.</summary>
    private static string?[] Texts(StringArray strings)
    {
        var texts = new string?[strings.Length];
        ReadOnlySpan<byte> previousBytes = default;
        string? previous = null;
        for (var i = 0; i < texts.Length; i++)
        {
            if (strings.IsNull(i)) continue;
            var bytes = strings.GetBytes(i);
            if (previous is null || !bytes.SequenceEqual(previousBytes))
            {
                previous = System.Text.Encoding.UTF8.GetString(bytes);
                previousBytes = bytes;
            }
            texts[i] = previous;
        }
        return texts;
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _stream.DisposeAsync();
    }
}

/// <summary>Reads an export's Parquet file back into a frame with the export's column types.</summary>
public static class ParquetFrames
{
    /// <summary>Reads an export's file.</summary>
    public static async Task<DataFrame> ReadAsync(string path, IReadOnlyList<ColumnSpec> specs)
    {
        await using var stream = File.OpenRead(path);
        // Parquet.Net reads a DATE column as DateTime unless told; the export's dates are DateOnly.
        await using var reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true });
        var total = checked((int)reader.RowGroups.Sum(g => g.RowCount));
        var builder = new FrameBuilder(specs, total);
        var offset = 0;
        var fields = reader.Schema.GetDataFields();
        foreach (var group in reader.RowGroups)
        {
            var rows = (int)group.RowCount;
            for (var c = 0; c < specs.Count; c++)
            {
                var spec = specs[c];
                var field = fields.FirstOrDefault(f => f.Name == spec.Name) ?? throw new InvalidDataException($"{path} has no column {spec.Name}");
                switch (spec.Kind)
                {
                    case ColumnKind.String:
                        var texts = new string?[rows];
                        await group.ReadAsync(field, texts.AsMemory());
                        builder.Fill(c, offset, texts);
                        break;
                    case ColumnKind.Int32:
                        builder.Fill(c, offset, await ReadValuesAsync<int>(group, field, rows));
                        break;
                    case ColumnKind.Int64:
                        builder.Fill(c, offset, await ReadValuesAsync<long>(group, field, rows));
                        break;
                    case ColumnKind.Boolean:
                        var booleans = await ReadValuesAsync<bool>(group, field, rows);
                        builder.Fill(c, offset, booleans.Select(b => b ?? throw new InvalidDataException($"{spec.Name} has a missing value")).ToArray());
                        break;
                    case ColumnKind.Date:
                        builder.Fill(c, offset, await ReadValuesAsync<DateOnly>(group, field, rows));
                        break;
                }
            }
            offset += rows;
        }
        builder.SetCount(total);
        return builder.ToDataFrame();
    }

    /// <summary>
    /// One column of a row group. A required column is read as required: Parquet.Net 6.1.0 reads a column into
    /// nullable values by way of definition levels in a buffer it rents and does not clear, and a required column
    /// has none to fill it with, so a value came back missing wherever the rented buffer held a negative number
    /// left there by earlier work on any thread (ParquetConcurrencyTests, and a test that leaves -1 in the pool).
    /// </summary>
    private static async Task<T?[]> ReadValuesAsync<T>(ParquetRowGroupReader group, DataField field, int rows)
        where T : struct
    {
        var values = new T?[rows];
        if (field.IsNullable)
        {
            await group.ReadAsync<T>(field, values.AsMemory());
            return values;
        }
        var required = new T[rows];
        await group.ReadAsync<T>(field, required.AsMemory());
        for (var i = 0; i < rows; i++) values[i] = required[i];
        return values;
    }
}
