using Monitor.Core.Domain;

namespace Monitor.Core.Outcomes;

/// <summary>Youths aged 0–17 living in a municipality in a year (reference data <c>population</c>).</summary>
public sealed record PopulationRow(int Municipality, int Year, int Youths);

/// <summary>How a trajectory ended (reference data <c>endreasons</c>).</summary>
public enum EndCategory
{
    /// <summary>volgens_plan: ended as planned.</summary>
    AsPlanned,
    /// <summary>voortijdig: ended before the plan was done (uitval).</summary>
    Premature,
    /// <summary>overig: not an ending of care, such as a transfer to another provider (iJw 38).</summary>
    Other,
}

/// <summary>A row of the <c>endreasons</c> file: an end-reason code and its category.</summary>
public sealed record EndReasonRow(string Code, EndCategory Category);

/// <summary>A questionnaire the ROM scores come from (reference data <c>instruments</c>).</summary>
/// <param name="Sd">Standard deviation used for the reliable change index.</param>
/// <param name="Reliability">Reliability (such as Cronbach's alpha or test–retest) used for the reliable change index.</param>
/// <param name="Cutoff">The clinical cut-off.</param>
/// <param name="Minimum">The lowest possible score, when the file gives one: lower scores are refused.</param>
/// <param name="Maximum">The highest possible score, when the file gives one.</param>
public sealed record InstrumentRow(string Name, bool LowerIsBetter, double Sd, double Reliability, double Cutoff, double? Minimum, double? Maximum);

/// <summary>Who filled in a questionnaire.</summary>
public enum Informant
{
    Ouder,
    Jongere,
    Professional,
}

/// <summary>One stored questionnaire score of a youth.</summary>
public sealed record RomScore(int YouthId, string Instrument, Informant Informant, DateOnly Date, double Score);

/// <summary>A stored segment's ending with its reason (cbs <c>reden_beeindiging</c>), for premature endings.</summary>
public sealed record TrajectoryEnding(int YouthId, int Municipality, CareType CareType, DateOnly End, string? Reason);

/// <summary>A cbs trajectory that started as a crisis (<c>gestart_met_crisis = J</c>).</summary>
public sealed record CrisisStart(int YouthId, int Municipality, DateOnly Start);

/// <summary>What the outcome figures need besides the episodes.</summary>
public sealed record OutcomeData(
    IReadOnlyList<PopulationRow> Population,
    IReadOnlyDictionary<string, EndCategory> EndReasons,
    IReadOnlyList<InstrumentRow> Instruments,
    IReadOnlyList<RomScore> Scores,
    IReadOnlyList<TrajectoryEnding> Endings,
    IReadOnlyList<CrisisStart> CbsCrisisStarts)
{
    public static OutcomeData Empty { get; } = new([], new Dictionary<string, EndCategory>(), [], [], [], []);
}

public static class Informants
{
    public static string Word(this Informant informant) => informant.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out Informant informant)
    {
        foreach (var candidate in Enum.GetValues<Informant>())
        {
            if (string.Equals(text, candidate.Word(), StringComparison.OrdinalIgnoreCase))
            {
                informant = candidate;
                return true;
            }
        }
        informant = default;
        return false;
    }
}

public static class EndCategories
{
    public static string Word(this EndCategory category) => category switch
    {
        EndCategory.AsPlanned => "volgens_plan",
        EndCategory.Premature => "voortijdig",
        _ => "overig",
    };

    public static bool TryParse(string? text, out EndCategory category)
    {
        foreach (var candidate in Enum.GetValues<EndCategory>())
        {
            if (string.Equals(text, candidate.Word(), StringComparison.OrdinalIgnoreCase))
            {
                category = candidate;
                return true;
            }
        }
        category = default;
        return false;
    }
}
