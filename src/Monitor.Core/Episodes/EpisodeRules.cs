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

    public bool IsResidential(CareType type) => ResidentialSet.Contains(type);

    /// <summary>The last day a segment covers as seen on the as-of date: its end, or the as-of date
    /// when it runs on (no end, or an end after the as-of date).</summary>
    public DateOnly EffectiveEnd(in Segment segment) =>
        segment.End is { } end && end <= AsOf ? end : AsOf;

    public bool IsOpen(in Segment segment) => segment.End is not { } end || end > AsOf;
}
