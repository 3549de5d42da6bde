namespace Monitor.Core.Outcomes;

/// <summary>The outcome figures of a measurement beyond length of stay (docs/outcomes.md). A figure the
/// data cannot support is null, and <see cref="Notes"/> says which municipality or instrument lacks data.</summary>
public sealed record Outcomes(
    long ResidentialDays,
    int PopulationYear,
    long? Population,
    double? ResidentialDaysPer1000,
    double? EntriesPer1000,
    int InCareAtPeriodEnd,
    double? InCareAtPeriodEndPer1000,
    IReadOnlyList<QuarterFlow> Flows,
    CrisisFigures Crisis,
    EndingFigures Endings,
    IReadOnlyList<RomFigures> Rom,
    IReadOnlyList<string> Notes);

/// <summary>Instroom, uitstroom and stand of one quarter (clipped to the period).</summary>
public sealed record QuarterFlow(string Quarter, DateOnly From, DateOnly To, int Entries, int Exits, int InCareAtEnd);

public sealed record CrisisFigures(int CrisisSegmentsStarted, double? CrisisSegmentsPer100Youths, int CbsStartedAsCrisis, double? CbsStartedAsCrisisPer100Youths);

/// <summary>Trajectories (cbs rows) that ended in the period, by the category of their end reason.</summary>
public sealed record EndingFigures(int Ended, int AsPlanned, int Premature, int Other, int Unknown, double? PrematureShare);

/// <summary>Pre- and post-scores of one instrument and informant over the cohort's episodes.</summary>
public sealed record RomFigures(
    string Instrument,
    Informant Informant,
    int Pairs,
    double? MeanPre,
    double? MeanPost,
    double? MeanChange,
    double? EffectSizeDz,
    double? ImprovedShare,
    double? UnchangedShare,
    double? DeterioratedShare,
    int StartedClinical,
    double? RecoveredShare,
    IReadOnlyList<int> YouthIds)
{
    /// <summary>Pairs that started clinical and are "hersteld" by Jacobson–Truax: a reliable improvement
    /// that also crosses the cut-off (<see cref="Statistics.JacobsonTruax"/>). <see cref="RecoveredShare"/>
    /// counts crossing the cut-off alone.</summary>
    public int RecoveredReliably { get; init; }

    /// <summary><see cref="RecoveredReliably"/> over <see cref="StartedClinical"/>; null when none started clinical.</summary>
    public double? RecoveredReliablyShare => StartedClinical == 0 ? null : (double)RecoveredReliably / StartedClinical;
}
