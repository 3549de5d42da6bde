using Microsoft.Data.Analysis;

namespace Monitor.Research;

/// <summary>
/// Fills one typed array per column, then makes a <see cref="DataFrame"/> with explicit column types:
/// <c>DataFrame.LoadCsv</c> guesses (float ids, current-culture numbers), so nothing here is guessed.
/// </summary>
internal sealed class FrameBuilder
{
    private readonly Array[] _values;

    public FrameBuilder(IReadOnlyList<ColumnSpec> specs, int capacity)
    {
        Specs = specs;
        _values = specs.Select(s => s.Kind switch
        {
            ColumnKind.String => (Array)new string?[capacity],
            ColumnKind.Int32 => new int?[capacity],
            ColumnKind.Int64 => new long?[capacity],
            ColumnKind.Boolean => new bool[capacity],
            ColumnKind.Date => new DateOnly?[capacity],
            _ => throw new ArgumentOutOfRangeException(nameof(specs)),
        }).ToArray();
    }

    public IReadOnlyList<ColumnSpec> Specs { get; }
    public int Count { get; private set; }
    public int Capacity => _values.Length == 0 ? 0 : _values[0].Length;

    public int Index(string name)
    {
        for (var i = 0; i < Specs.Count; i++) if (Specs[i].Name == name) return i;
        throw new ArgumentException($"no column {name}", nameof(name));
    }

    public void String(int column, string? value) => ((string?[])_values[column])[Count] = value;
    public void Int32(int column, int? value) => ((int?[])_values[column])[Count] = value;
    public void Int64(int column, long? value) => ((long?[])_values[column])[Count] = value;
    public void Boolean(int column, bool value) => ((bool[])_values[column])[Count] = value;
    public void Date(int column, DateOnly? value) => ((DateOnly?[])_values[column])[Count] = value;

    /// <summary>Ends the current row.</summary>
    public void Next() => Count++;

    /// <summary>Copies a whole column's values at <paramref name="offset"/> (reading a file back).</summary>
    public void CopyInto<T>(int column, int offset, T[] values) => Array.Copy(values, 0, _values[column], offset, values.Length);

    public void SetCount(int count) => Count = count;

    /// <summary>Starts a new chunk in the same arrays: <see cref="ToDataFrame"/> copies, so they can be reused,
    /// and millions of rows then make no new large arrays per chunk.</summary>
    public void Reset()
    {
        foreach (var values in _values) Array.Clear(values, 0, Count);
        Count = 0;
    }

    public DataFrame ToDataFrame()
    {
        var columns = new DataFrameColumn[Specs.Count];
        for (var c = 0; c < Specs.Count; c++)
        {
            var name = Specs[c].Name;
            columns[c] = Specs[c].Kind switch
            {
                ColumnKind.String => new StringDataFrameColumn(name, ((string?[])_values[c]).Take(Count)),
                ColumnKind.Int32 => Numbers((int?[])_values[c], Count, (buffer, bitmap, nulls) => new Int32DataFrameColumn(name, buffer, bitmap, Count, nulls)),
                ColumnKind.Int64 => Numbers((long?[])_values[c], Count, (buffer, bitmap, nulls) => new Int64DataFrameColumn(name, buffer, bitmap, Count, nulls)),
                ColumnKind.Boolean => new BooleanDataFrameColumn(name, ((bool[])_values[c]).Take(Count)),
                // Microsoft.Data.Analysis has no DateOnly column that goes to Arrow; a DateTime at midnight is
                // what its DateTimeDataFrameColumn holds, and the Arrow bridge writes it back as a date32.
                ColumnKind.Date => new DateTimeDataFrameColumn(name, ((DateOnly?[])_values[c]).Take(Count).Select(d => d?.ToDateTime(TimeOnly.MinValue))),
                _ => throw new InvalidOperationException(),
            };
        }
        return new DataFrame(columns);
    }

    /// <summary>A numeric column made over a buffer of values and a validity bitmap (one bit per value, 1 =
    /// present, Arrow's layout), which Microsoft.Data.Analysis takes without copying: appending value by value
    /// grows its buffer by doubling and left, per million rows, tens of MB of garbage per column.</summary>
    private static DataFrameColumn Numbers<T>(T?[] values, int count, Func<ReadOnlyMemory<byte>, ReadOnlyMemory<byte>, int, DataFrameColumn> make)
        where T : unmanaged
    {
        var plain = new T[count];
        var bitmap = new byte[(count + 7) / 8];
        var nulls = 0;
        for (var i = 0; i < count; i++)
        {
            if (values[i] is { } v)
            {
                plain[i] = v;
                bitmap[i >> 3] |= (byte)(1 << (i & 7));
            }
            else nulls++;
        }
        return make(System.Runtime.InteropServices.MemoryMarshal.AsBytes(plain.AsSpan()).ToArray(), bitmap, nulls);
    }
}

internal static class FrameBuilderFill
{
    public static void Fill<T>(this FrameBuilder builder, int column, int offset, T[] values) => builder.CopyInto(column, offset, values);
}
