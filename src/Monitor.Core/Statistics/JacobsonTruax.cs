namespace Monitor.Core.Statistics;

/// <summary>Jacobson &amp; Truax (1991): where one youth's change in a questionnaire score falls.</summary>
public enum ReliableChangeCategory
{
    /// <summary>"Hersteld": a reliable improvement that also crosses the cut-off from the clinical to the
    /// non-clinical side.</summary>
    Recovered,
    /// <summary>A reliable improvement that does not end on the non-clinical side of the cut-off (or did
    /// not start on the clinical side).</summary>
    Improved,
    /// <summary>No reliable change: |RCI| at most 1.96.</summary>
    Unchanged,
    /// <summary>A reliable change for the worse.</summary>
    Deteriorated,
}

/// <summary>
/// The reliable change index and the four Jacobson–Truax categories. "Hersteld" is the standard
/// definition: the change is larger than measurement error alone explains (|RCI| &gt; 1.96) in the good
/// direction, AND the score crosses the cut-off (Jacobson &amp; Truax 1991, criterion "c" given here as the
/// instrument's <c>grenswaarde</c>). Crossing alone is not enough: a score of 1 point on either side of the
/// cut-off may be noise.
/// </summary>
public static class JacobsonTruax
{
    /// <summary>|RCI| above this is a reliable change (two-sided 5%).</summary>
    public const double ReliableChange = 1.96;

    /// <summary>Keeps an RCI of exactly ±1.96 unchanged although 19.6 / 10 = 1.9600000000000002 in doubles.</summary>
    private const double Tolerance = 1e-9;

    /// <summary>RCI = (post − pre) / SE_diff, SE_diff = sd · √(2 (1 − reliability)).</summary>
    public static double Rci(double pre, double post, double sd, double reliability) =>
        (post - pre) / (sd * Math.Sqrt(2 * (1 - reliability)));

    /// <summary>On the clinical side of the cut-off: at or above it when lower is better, at or below it otherwise.</summary>
    public static bool Clinical(double score, double cutoff, bool lowerIsBetter) =>
        lowerIsBetter ? score >= cutoff : score <= cutoff;

    public static ReliableChangeCategory Classify(double pre, double post, double sd, double reliability, double cutoff, bool lowerIsBetter)
    {
        var rci = Rci(pre, post, sd, reliability);
        var better = lowerIsBetter ? -rci : rci;
        if (better < -ReliableChange - Tolerance) return ReliableChangeCategory.Deteriorated;
        if (better <= ReliableChange + Tolerance) return ReliableChangeCategory.Unchanged;
        return Clinical(pre, cutoff, lowerIsBetter) && !Clinical(post, cutoff, lowerIsBetter)
            ? ReliableChangeCategory.Recovered
            : ReliableChangeCategory.Improved;
    }
}
