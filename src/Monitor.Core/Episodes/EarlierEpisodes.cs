using Monitor.Core.Domain;

namespace Monitor.Core.Episodes;

/// <summary>
/// The episodes of an earlier build under the same gap, residential set and tariffs, which a new build
/// may take over for the youths whose segments did not change since (a nightly import touches a few
/// per cent of them). Where they are kept is not the core's business: the store keeps them beside itself.
/// </summary>
public abstract class EarlierEpisodes
{
    /// <summary>The as-of date of the earlier build.</summary>
    public abstract DateOnly AsOf { get; }

    /// <summary>Adds the earlier build's episodes of <paramref name="youthId"/> to <paramref name="into"/>,
    /// their segments starting at <paramref name="firstSegment"/> as then; false, adding nothing, when the
    /// youth's segments changed since or the earlier build has no episodes of the youth.</summary>
    public abstract bool TryAdd(int youthId, int firstSegment, List<Episode> into);

    /// <summary>
    /// Whether a youth's episodes under as-of date <paramref name="asOf"/> are those of the earlier build,
    /// given that the youth's segments are the same: on the same as-of date always; on another only when
    /// every residential segment of the youth has an end on or before both dates. Then both builds see
    /// the same segments, none open and none cut off at the as-of date, so the gap rule, the durations,
    /// costs, involvement and moves come out the same (PROTOCOL.md 4).
    /// </summary>
    /// <param name="youthSegments">All of the youth's segments, of every care type.</param>
    public bool Applies(DateOnly asOf, ReadOnlySpan<Segment> youthSegments, EpisodeRules rules)
    {
        if (asOf == AsOf) return true;
        var both = Math.Min(asOf.DayNumber, AsOf.DayNumber);
        foreach (var s in youthSegments)
            if (rules.IsResidential(s.CareType) && s.EndDayOrMax > both) return false;
        return true;
    }
}
