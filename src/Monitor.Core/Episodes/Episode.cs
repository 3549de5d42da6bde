namespace Monitor.Core.Episodes;

/// <summary>How many distinct days one provider's segments cover within an episode, censored at the as-of date.</summary>
public readonly record struct ProviderInvolvement(int Provider, int Days);

/// <summary>
/// A verblijfsepisode (PROTOCOL.md 4): one youth's continuous stay, residential segments merged
/// across providers and transfers.
/// </summary>
public sealed class Episode
{
    public required int YouthId { get; init; }
    /// <summary>The youth's birth date: that of their first residential segment.</summary>
    public required DateOnly BirthDate { get; init; }
    public required DateOnly Start { get; init; }
    /// <summary>The latest segment end; null while the episode is open at the as-of date.</summary>
    public required DateOnly? End { get; init; }
    public bool Ongoing => End is null;
    /// <summary>(end, or the as-of date when ongoing) − start + 1: days count inclusively, as billed.</summary>
    public required int DurationDays { get; init; }
    public required int ProviderCount { get; init; }
    public required int PlacementMoves { get; init; }
    /// <summary>Billed amounts, else tariff cost, summed exactly.</summary>
    public required decimal Cost { get; init; }
    /// <summary>Segments with neither a billed amount nor a tariff for any of their days: they add 0.</summary>
    public required int SegmentsWithoutCost { get; init; }
    /// <summary>The municipality of the earliest-starting segment; the region follows from it.</summary>
    public required int Municipality { get; init; }
    public required ProviderInvolvement[] Involvement { get; init; }
    /// <summary>Where the episode's segments are in the set's array (<see cref="EpisodeSet.SegmentsOf"/>): they are consecutive there.</summary>
    public required int FirstSegment { get; init; }
    public required int SegmentCount { get; init; }

    /// <summary>The last day the episode counts: its end, or the as-of date while it runs.</summary>
    public DateOnly LastDay(DateOnly asOf) => End ?? asOf;
}
