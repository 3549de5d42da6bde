using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Tests.Episodes;

namespace Monitor.Core.Tests.Measurements;

/// <summary>Builds episodes from segments and measures a period over them, in one call.</summary>
internal static class Measure
{
    public static Measurement Of(string period, string asOf, Segment[] segments, int gap = 7, string? region = null,
        int topN = MeasurementParameters.DefaultTopN, ReferenceData? reference = null, TariffTable? tariffs = null)
    {
        Assert.True(Period.TryParse(period, out var p, out var error), error);
        var set = EpisodeBuilder.Build(segments, Seg.Rules(asOf, gap, tariffs: tariffs));
        return MeasurementCalculator.Measure(set, new MeasurementParameters(p, region, topN), reference ?? ReferenceData.Empty);
    }

    /// <summary>The cohort's (youth, start) pairs, for asserting who is in.</summary>
    public static IEnumerable<(int Youth, DateOnly Start)> Ids(IEnumerable<Episode> episodes) =>
        episodes.Select(e => (e.YouthId, e.Start));
}
