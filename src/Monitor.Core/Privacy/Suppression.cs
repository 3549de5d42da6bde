using Monitor.Core.Formatting;

namespace Monitor.Core.Privacy;

/// <summary>
/// Small-number suppression for what policy staff read: a count of 1 to threshold−1 youths or episodes is
/// shown as "&lt;threshold", and a mean, median or chart over fewer than threshold youths is left out
/// with a note, so no figure can single out a child. Zero is shown: it identifies nobody.
/// </summary>
public sealed class Suppression(int threshold = Suppression.DefaultThreshold)
{
    public const int DefaultThreshold = 10;

    public int Threshold { get; } = threshold >= 1 ? threshold : throw new ArgumentOutOfRangeException(nameof(threshold), "the threshold is at least 1");

    /// <summary>Whether a count must be hidden.</summary>
    public bool HidesCount(long count) => count > 0 && count < Threshold;

    /// <summary>Whether a statistic over this many youths may be shown.</summary>
    public bool AllowsStatisticOver(int youths) => youths >= Threshold;

    /// <summary>A count as the report shows it: "&lt;10" for 1 to 9.</summary>
    public string Count(long count, Language language) =>
        HidesCount(count) ? "<" + Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture) : NumberText.Integer(count, language);
}
