namespace Monitor.Core.Charts;

/// <summary>
/// Floor, ceiling and multiples of a step, done in <see cref="decimal"/> where the numbers allow.
/// </summary>
/// <remarks>
/// In doubles 0.3 / 0.1 is 2.9999999999999996 (floors to 2) and 3 * 0.1 is 0.30000000000000004.
/// Converting to decimal keeps the 15 significant digits a double holds reliably, which recovers
/// the decimal numbers people typed; converting the result back gives the double nearest to it.
/// Outside decimal's comfortable range the plain double arithmetic is used instead.
/// </remarks>
internal static class ExactMath
{
    public static long FloorDiv(double value, double step) =>
        Exact(value, step) ? (long)Math.Floor((decimal)value / (decimal)step) : (long)Math.Floor(value / step);

    public static long CeilingDiv(double value, double step) =>
        Exact(value, step) ? (long)Math.Ceiling((decimal)value / (decimal)step) : (long)Math.Ceiling(value / step);

    /// <summary>origin + k × step.</summary>
    public static double Multiple(double origin, long k, double step) =>
        Exact(origin + k * step, step) && Math.Abs(origin) < 1e15
            ? (double)((decimal)origin + k * (decimal)step)
            : origin + k * step;

    private static bool Exact(double value, double step) =>
        Math.Abs(value) < 1e15 && Math.Abs(step) is >= 1e-12 and < 1e15 && Math.Abs(value / step) < 1e15;
}
