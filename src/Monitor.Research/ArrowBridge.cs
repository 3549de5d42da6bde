using Apache.Arrow;
using Apache.Arrow.Types;
using Microsoft.Data.Analysis;

namespace Monitor.Research;

/// <summary>
/// A frame to an Arrow record batch. Microsoft.Data.Analysis 0.23.1 hands its numeric columns to Arrow
/// without a copy (<c>ToArrowRecordBatches</c>), but three kinds are built here instead: it throws
/// <c>NotImplementedException</c> for <c>StringDataFrameColumn</c>; it writes dates as date64
/// (milliseconds) where Parquet's DATE and R's Date hold days (date32); and its booleans come out wrong
/// (measured here: 1,0,0,1,0,0,… became 1,0,0,0,0,0,…: its one byte per value is handed over as Arrow's one
/// bit per value), which the read-back test caught.
/// </summary>
public static class ArrowBridge
{
    public static RecordBatch ToRecordBatch(DataFrame frame, IReadOnlyList<ColumnSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Columns.Count != specs.Count) throw new ArgumentException($"the frame has {frame.Columns.Count} columns, the export {specs.Count}", nameof(frame));
        var length = checked((int)frame.Rows.Count);

        // The numeric columns through the library's own (zero-copy) path.
        var direct = specs.Select((s, i) => (s, i)).Where(x => x.s.Kind is ColumnKind.Int32 or ColumnKind.Int64).ToList();
        var directArrays = new Dictionary<int, IArrowArray>();
        if (direct.Count > 0 && length > 0)
        {
            var batches = new DataFrame(direct.Select(x => frame.Columns[x.i])).ToArrowRecordBatches().ToList();
            // A batch per buffer of at most 2 GB: the export's chunks are far below that, so there is one.
            if (batches.Count != 1 || batches[0].Length != length) throw new InvalidOperationException($"expected one Arrow batch of {length} rows, got {batches.Count}");
            for (var k = 0; k < direct.Count; k++) directArrays[direct[k].i] = batches[0].Column(k);
        }

        var fields = new List<Field>(specs.Count);
        var arrays = new List<IArrowArray>(specs.Count);
        for (var c = 0; c < specs.Count; c++)
        {
            var spec = specs[c];
            var column = frame.Columns[c];
            if (column.Name != spec.Name) throw new ArgumentException($"column {c} is {column.Name}, the export expects {spec.Name}", nameof(frame));
            fields.Add(new Field(spec.Name, ArrowType(spec.Kind), spec.Nullable));
            arrays.Add(spec.Kind switch
            {
                ColumnKind.String => Strings((StringDataFrameColumn)column),
                ColumnKind.Date => Dates((DateTimeDataFrameColumn)column),
                ColumnKind.Boolean => Booleans((BooleanDataFrameColumn)column),
                _ when length == 0 => Empty(spec.Kind),
                _ => directArrays[c],
            });
        }
        return new RecordBatch(new Schema(fields, null), arrays, length);
    }

    public static IArrowType ArrowType(ColumnKind kind) => kind switch
    {
        ColumnKind.String => StringType.Default,
        ColumnKind.Int32 => Int32Type.Default,
        ColumnKind.Int64 => Int64Type.Default,
        ColumnKind.Boolean => BooleanType.Default,
        ColumnKind.Date => Date32Type.Default,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static StringArray Strings(StringDataFrameColumn column)
    {
        var builder = new StringArray.Builder();
        for (long i = 0; i < column.Length; i++)
        {
            if (column[i] is { } text) builder.Append(text);
            else builder.AppendNull();
        }
        return builder.Build();
    }

    private static BooleanArray Booleans(BooleanDataFrameColumn column)
    {
        var builder = new BooleanArray.Builder();
        for (long i = 0; i < column.Length; i++)
        {
            if (column[i] is { } value) builder.Append(value);
            else builder.AppendNull();
        }
        return builder.Build();
    }

    private static Date32Array Dates(DateTimeDataFrameColumn column)
    {
        var builder = new Date32Array.Builder();
        for (long i = 0; i < column.Length; i++)
        {
            if (column[i] is { } date) builder.Append(DateOnly.FromDateTime(date));
            else builder.AppendNull();
        }
        return builder.Build();
    }

    private static IArrowArray Empty(ColumnKind kind) => kind switch
    {
        ColumnKind.Int32 => new Int32Array.Builder().Build(),
        _ => new Int64Array.Builder().Build(),
    };
}
