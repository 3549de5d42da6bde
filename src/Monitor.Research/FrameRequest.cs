using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;

namespace Monitor.Research;

/// <summary>
/// Which rows a frame or an export holds: the episodes as of <paramref name="AsOf"/> under the episode rule,
/// and, with a <paramref name="Period"/>, the flags of that measurement's cohort (in <paramref name="Region"/>
/// when one is given). The same parameters as <c>monitor measure</c>, so the rows are exactly those behind
/// its figures.
/// </summary>
public sealed record FrameRequest(
    DateOnly AsOf,
    int GapDays = EpisodeRules.DefaultGapDays,
    IReadOnlyList<CareType>? ResidentialSet = null,
    Period? Period = null,
    string? Region = null,
    int TopN = MeasurementParameters.DefaultTopN)
{
    public IReadOnlyList<CareType> Set => ResidentialSet ?? CareTypes.DefaultResidentialSet;
}
