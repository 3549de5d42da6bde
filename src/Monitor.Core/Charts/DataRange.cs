namespace Monitor.Core.Charts;

/// <summary>A closed interval of data values, grown one value at a time; empty until a finite value is included.</summary>
/// <remarks>Non-finite values are ignored rather than thrown on, so a NaN (a missing figure) can never reach the SVG.</remarks>
public readonly record struct DataRange(double Min, double Max)
{
    /// <summary>The range holding no values; <c>default(DataRange)</c> is 0..0, not empty, so start from this.</summary>
    public static DataRange Empty { get; } = new(double.PositiveInfinity, double.NegativeInfinity);

    public bool IsEmpty => !(Min <= Max) || !double.IsFinite(Min) || !double.IsFinite(Max);

    public double Span => IsEmpty ? 0 : Max - Min;

    public DataRange Include(double value)
    {
        if (!double.IsFinite(value))
        {
            return this;
        }
        return IsEmpty ? new(value, value) : new(Math.Min(Min, value), Math.Max(Max, value));
    }

    public DataRange Union(DataRange other) => other.IsEmpty ? this : Include(other.Min).Include(other.Max);

    public static DataRange Of(IEnumerable<double> values)
    {
        var range = Empty;
        foreach (var value in values)
        {
            range = range.Include(value);
        }
        return range;
    }
}
