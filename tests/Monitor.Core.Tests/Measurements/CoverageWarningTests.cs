using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Measurements;

/// <summary>PROTOCOL.md 3.4: a measurement warns when it counts open segments from extracts whose coverage
/// date is before its as-of date.</summary>
public class CoverageWarningTests
{
    private static readonly ExtractCoverage Twente = new(1, "twente.csv", D("2022-09-30"));
    private static readonly ExtractCoverage Gooi = new(2, "gooi.csv", D("2022-01-15"));

    private static (Measurement, EpisodeSet) MeasureAt(string asOf, params Segment[] segments)
    {
        var set = EpisodeBuilder.Build(segments, Rules(asOf));
        return (MeasurementCalculator.Measure(set, new MeasurementParameters(Period.Year(2021)), ReferenceData.Empty), set);
    }

    [Fact]
    public void EachEarlyExtractWithOpenCohortSegmentsGetsOneWarningWithItsCount()
    {
        var open1 = Make(1, 41000011, "2021-03-01", null);
        var open2 = Make(2, 41000011, "2021-05-01", "2023-01-31"); // ends after the as-of date: open
        var open3 = Make(3, 41000022, "2021-06-01", null);
        var closed = Make(4, 41000022, "2021-02-01", "2021-08-31");
        var (m, set) = MeasureAt("2022-12-31", open1, open2, open3, closed);
        var sources = new Dictionary<long, ExtractCoverage> { [open1.Id] = Twente, [open2.Id] = Twente, [open3.Id] = Gooi };

        var warnings = CoverageWarning.Of(m, set, sources);

        Assert.Equal([("gooi.csv", 1), ("twente.csv", 2)], warnings.Select(w => (w.File, w.OpenSegments)));
        Assert.All(warnings, w => Assert.Equal(D("2022-12-31"), w.AsOf));
        Assert.Equal("twente.csv: the extract covers up to 2022-09-30, before the as-of date 2022-12-31; its 2 open segments in this measurement " +
                     "count as ongoing up to the as-of date, though nothing is known of them after 2022-09-30", warnings[1].Text);
    }

    [Fact]
    public void AnExtractCoveringTheAsOfDateGivesNoWarning()
    {
        var open = Make(1, 41000011, "2021-03-01", null);
        var (m, set) = MeasureAt("2022-09-30", open);
        Assert.Empty(CoverageWarning.Of(m, set, new Dictionary<long, ExtractCoverage> { [open.Id] = Twente }));
    }

    [Fact]
    public void SegmentsOutsideTheCohortGiveNoWarning()
    {
        var before = Make(1, 41000011, "2019-01-01", "2019-06-30");
        var afterPeriod = Make(2, 41000011, "2022-03-01", null); // starts after 2021: not in the 2021 cohort
        var (m, set) = MeasureAt("2022-12-31", before, afterPeriod);
        Assert.Empty(CoverageWarning.Of(m, set, new Dictionary<long, ExtractCoverage> { [before.Id] = Gooi, [afterPeriod.Id] = Gooi }));
    }
}
