using Monitor.Core.Domain;

namespace Monitor.Core.Episodes;

/// <summary>The parameters of the episode rule (PROTOCOL.md 4).</summary>
/// <param name="AsOf">The peildatum: later starts are ignored, later or missing ends count as open.</param>
/// <param name="GapDays">Days without residential care that still count as the same stay (default 7).</param>
/// <param name="ResidentialSet">The care types that make up a stay.</param>
/// <param name="Tariffs">Cost per day for segments without a billed amount.</param>
public sealed record EpisodeRules(DateOnly AsOf, int GapDays, IReadOnlyCollection<CareType> ResidentialSet, TariffTable Tariffs)
{
    public const int DefaultGapDays = 7;

    private readonly IReadOnlyCollection<CareType> _residentialSet = ResidentialSet;
    // One flag per care type: asked once per segment, millions of times per build.
    private readonly bool[] _residential = Flags(ResidentialSet);

    public IReadOnlyCollection<CareType> ResidentialSet
    {
        get => _residentialSet;
        init => (_residentialSet, _residential) = (value, Flags(value));
    }

    public bool IsResidential(CareType type) => (uint)type < (uint)_residential.Length && _residential[(int)type];

    /// <summary>The last day a segment covers as seen on the as-of date: its end, or the as-of date
    /// when it runs on (no end, or an end after the as-of date).</summary>
    public DateOnly EffectiveEnd(in Segment segment) =>
        segment.End is { } end && end <= AsOf ? end : AsOf;

    /// <summary><see cref="EffectiveEnd"/> as a day number.</summary>
    public int EffectiveEndDay(in Segment segment) => Math.Min(segment.EndDayOrMax, AsOf.DayNumber);

    public bool IsOpen(in Segment segment) => segment.End is not { } end || end > AsOf;

    // Equal as the record was before the flags: the flags follow from the set.
    public bool Equals(EpisodeRules? other) =>
        other is not null && AsOf == other.AsOf && GapDays == other.GapDays
        && EqualityComparer<IReadOnlyCollection<CareType>>.Default.Equals(_residentialSet, other._residentialSet)
        && EqualityComparer<TariffTable>.Default.Equals(Tariffs, other.Tariffs);

    public override int GetHashCode() => HashCode.Combine(AsOf, GapDays, _residentialSet, Tariffs);

    private static bool[] Flags(IReadOnlyCollection<CareType> set)
    {
        var flags = new bool[CareTypes.All.Max(t => (int)t) + 1];
        foreach (var type in set) flags[(int)type] = true;
        return flags;
    }
}
