using Monitor.Core.Domain;
using Monitor.Core.Episodes;

namespace Monitor.Core.Measurements;

/// <summary>The figures of one period (PROTOCOL.md 5), grouped as in the measure JSON of section 7.
/// Means over an empty set are null.</summary>
public sealed record Measurement(
    Period Period,
    DateOnly AsOf,
    int GapDays,
    string? Region,
    IReadOnlyList<CareType> ResidentialSet,
    CountFigures Counts,
    DurationFigures Duration,
    ProviderFigures Providers,
    CostFigures Cost,
    double? MeanAgeAtAsOfTopN,
    EntryCohortFigures EntryCohort,
    EntryCohortFigures EntryCohort8Plus,
    Cohort Cohort)
{
    /// <summary>The outcome figures beyond length of stay (docs/outcomes.md), when they were asked for.</summary>
    public Outcomes.Outcomes? Outcomes { get; init; }

    /// <summary>Extracts that end before the as-of date and hold open segments of this cohort (PROTOCOL.md 3.4).</summary>
    public IReadOnlyList<CoverageWarning> Warnings { get; init; } = [];
}

public sealed record CountFigures(
    int Youths,
    int Episodes,
    int ExitedInPeriod,
    int ExitedByAsOf,
    int OngoingAtAsOf,
    int EntriesInPeriod,
    int Aged12OrYounger,
    int ShortEpisodes,
    int SingleProviderEpisodes);

public sealed record DurationFigures(
    double? MeanAll,
    double? MedianAll,
    double? MeanExitedInPeriod,
    double? MeanExitedByAsOf,
    double? MeanOngoingAtAsOf,
    double? MeanShort,
    double? MeanNotShort,
    int TopN,
    double? MeanTopN);

public sealed record ProviderFigures(
    double? MeanPerMultiProviderEpisode,
    double? MeanInvolvedPerEpisode,
    double? MeanPlacementMoves,
    double? MovesPer1000Days,
    IReadOnlyDictionary<Sector, double> MeanInvolvementDaysBySector);

public sealed record CostFigures(
    decimal? MeanEpisode,
    decimal? MeanEpisodeOngoing,
    decimal? MeanAllEpisodesPerYouth,
    decimal? MeanAllEpisodesPerYouthOngoing,
    decimal? MeanTopN,
    decimal? MeanAmbulantPerYouth,
    int SegmentsWithoutCost);

public sealed record EntryCohortFigures(int Episodes, int Exited, int? KmMedianDays, int? KmQ1Days, int? KmQ3Days);

/// <summary>The episodes behind the figures, for the tests, the charts and the exports.</summary>
public sealed record Cohort(
    IReadOnlyList<Episode> Episodes,
    IReadOnlyList<Episode> ExitedInPeriod,
    IReadOnlyList<Episode> Entries,
    IReadOnlyList<Episode> Entries8Plus,
    IReadOnlyList<Episode> TopN);
