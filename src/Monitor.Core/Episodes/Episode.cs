using Monitor.Core.Domain;

namespace Monitor.Core.Episodes;

/// <summary>How many distinct days one provider's segments cover within an episode, censored at the as-of date.</summary>
public readonly record struct ProviderInvolvement(int Provider, int Days);

/// <summary>
/// A verblijfsepisode (PROTOCOL.md 4): one youth's continuous stay, residential segments merged
/// across providers and transfers. A region's episode set holds millions: the class keeps its numbers in
/// 96 bytes, and works out the providers' involvement from its segments when asked.
/// </summary>
public sealed class Episode
{
    private const int Open = int.MaxValue;
    private int _end;
    private ProviderInvolvement[]? _involvement;
    private Segment[]? _segments; // the set's array: FirstSegment and SegmentCount point into it
    private int _asOf;

    public required int YouthId { get; init; }
    /// <summary>The youth's birth date: that of their first residential segment.</summary>
    public required DateOnly BirthDate { get; init; }
    public required DateOnly Start { get; init; }
    /// <summary>The latest segment end; null while the episode is open at the as-of date.</summary>
    public required DateOnly? End
    {
        get => _end == Open ? null : DateOnly.FromDayNumber(_end);
        init => _end = value is { } end ? end.DayNumber : Open;
    }
    public bool Ongoing => _end == Open;
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

    /// <summary>For each provider of the episode (ascending), the distinct days its segments cover, censored at
    /// the as-of date. Given when the episode is made, or else worked out from the episode's segments in its
    /// set each time it is asked (a new array each time).</summary>
    public ProviderInvolvement[] Involvement
    {
        get => _involvement ?? (_segments is { } segments
            ? EpisodeBuilder.Involvement(segments.AsSpan(FirstSegment, SegmentCount), DateOnly.FromDayNumber(_asOf))
            : []);
        init => _involvement = value;
    }

    /// <summary><see cref="Involvement"/> without a new array when it is worked out from the segments: written into
    /// <paramref name="buffer"/> when it has room for one entry per segment of the episode.</summary>
    public ReadOnlySpan<ProviderInvolvement> InvolvementIn(Span<ProviderInvolvement> buffer)
    {
        if (_involvement is { } given) return given;
        if (_segments is not { } segments) return [];
        var own = segments.AsSpan(FirstSegment, SegmentCount);
        return own.Length <= buffer.Length ? buffer[..EpisodeBuilder.Involvement(own, _asOf, buffer)] : Involvement;
    }

    /// <summary>Where the episode's segments are in the set's array (<see cref="EpisodeSet.SegmentsOf"/>): they are consecutive there.</summary>
    public required int FirstSegment { get; init; }
    public required int SegmentCount { get; init; }

    /// <summary>The last day the episode counts: its end, or the as-of date while it runs.</summary>
    public DateOnly LastDay(DateOnly asOf) => End ?? asOf;

    /// <summary>Ties an episode of a set to the set's segments, for <see cref="Involvement"/>.</summary>
    internal void Attach(Segment[] segments, DateOnly asOf)
    {
        if (_involvement is not null) return;
        _segments = segments;
        _asOf = asOf.DayNumber;
    }
}
