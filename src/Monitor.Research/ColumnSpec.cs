namespace Monitor.Research;

/// <summary>The types an export column can have: few, explicit, and the same in every reader
/// (DataFrame, Arrow, Parquet, the CSV's dictionary).</summary>
public enum ColumnKind
{
    /// <summary>Text. Codes are text, so <c>0193</c> keeps its zero.</summary>
    String,
    Int32,
    Int64,
    Boolean,
    /// <summary>A calendar date (Arrow date32, Parquet DATE, ISO <c>yyyy-MM-dd</c> in CSV).</summary>
    Date,
}

/// <summary>One column of an export: its name, type, whether it may be empty, its unit, what it means and
/// the protocol section that defines it. The list of these is <c>dictionary.csv</c>.</summary>
public sealed record ColumnSpec(string Name, ColumnKind Kind, bool Nullable, string Unit, string Meaning, string Protocol)
{
    /// <summary>The type word in dictionary.csv: what to ask R, pandas or DuckDB for.</summary>
    public string TypeWord => Kind switch
    {
        ColumnKind.String => "string",
        ColumnKind.Int32 => "int32",
        ColumnKind.Int64 => "int64",
        ColumnKind.Boolean => "boolean",
        ColumnKind.Date => "date",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };
}
