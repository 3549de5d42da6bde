using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Outcomes;

/// <summary>docs/outcomes.md 2, <c>outcomes.endings</c>: cbs trajectories of a residential care type ending in the
/// period (and by the as-of date), by the category of their end reason; premature_share leaves out transfers and
/// unknown reasons.</summary>
public class EndingTests
{
    private static readonly Dictionary<string, EndCategory> Reasons = new()
    {
        ["01"] = EndCategory.AsPlanned, ["02"] = EndCategory.Premature, ["31"] = EndCategory.AsPlanned,
        ["32"] = EndCategory.Premature, ["38"] = EndCategory.Other,
    };

    // The cohort itself does not matter for endings: one stay keeps the measurement non-trivial.
    private static Segment[] Stay => [Make(1, 41000011, "2020-01-01", "2020-12-31")];

    private static EndingFigures Endings(string? region, params TrajectoryEnding[] endings) =>
        Outcome.Of("2020", "2021-06-30", Stay, Outcome.Data(endReasons: Reasons, endings: endings), region: region, reference: Outcome.TwoRegions).Endings;

    private static TrajectoryEnding End(string date, string? reason, CareType care = CareType.Verblijf, int municipality = 193) =>
        new(1, municipality, care, D(date), reason);

    [Fact]
    public void EndingsAreCountedByTheCategoryOfTheirReason()
    {
        var e = Endings(null,
            End("2020-03-01", "01"),                       // as planned
            End("2020-04-01", "31"),                       // as planned
            End("2020-05-01", "02", CareType.Gezinshuis),  // premature
            End("2020-06-01", "38", CareType.Gesloten),    // other: a transfer
            End("2020-07-01", null),                       // unknown: no reason
            End("2020-08-01", "99", CareType.Crisis));     // unknown: a code the endreasons file lacks
        Assert.Equal((6, 2, 1, 1, 2), (e.Ended, e.AsPlanned, e.Premature, e.Other, e.Unknown));
    }

    [Fact]
    public void ThePrematureShareLeavesOutTransfersAndUnknownReasons() =>
        // as planned 2, premature 1, other 1, unknown 2: 1 / (2 + 1) = 0.3333 (not 1 / 6)
        Assert.Equal(1.0 / 3, Endings(null,
            End("2020-03-01", "01"), End("2020-04-01", "31"), End("2020-05-01", "02"),
            End("2020-06-01", "38"), End("2020-07-01", null), End("2020-08-01", "99")).PrematureShare!.Value, 10);

    [Fact]
    public void ThePrematureShareIsNullWithoutAnEndingAsPlannedOrPremature()
    {
        var e = Endings(null, End("2020-06-01", "38"), End("2020-07-01", null));
        Assert.Equal(2, e.Ended);
        Assert.Null(e.PrematureShare);
    }

    [Fact]
    public void AnUnknownCodeIsNamedInTheNotes()
    {
        var o = Outcome.Of("2020", "2021-06-30", Stay, Outcome.Data(endReasons: Reasons, endings: [End("2020-08-01", "99"), End("2020-09-01", null)]));
        Assert.Equal(2, o.Endings.Unknown);
        // (the other note is the missing population of 0193)
        var note = Assert.Single(o.Notes, n => n.Contains("end reason", StringComparison.Ordinal));
        Assert.Contains("99", note); // a missing reason is no code: only 99 is named
    }

    [Fact]
    public void ANonResidentialTrajectoryIsLeftOut()
    {
        var e = Endings(null, End("2020-05-01", "02"), End("2020-05-01", "02", CareType.Ambulant), End("2020-05-01", "02", CareType.Pleegzorg),
            End("2020-05-01", "02", CareType.KortdurendVerblijf));
        Assert.Equal((1, 1), (e.Ended, e.Premature));
    }

    [Fact]
    public void EndingsOutsideThePeriodAreLeftOut()
    {
        var e = Endings(null, End("2019-12-31", "02"), End("2020-01-01", "01"), End("2020-12-31", "01"), End("2021-01-01", "02"));
        Assert.Equal((2, 2, 0), (e.Ended, e.AsPlanned, e.Premature));
    }

    [Fact]
    public void AnEndingAfterTheAsOfDateIsLeftOut()
    {
        // A measurement has as-of >= to, so such an ending is also after the period. To see the as-of rule on its
        // own, hand the calculator a measurement whose period runs past the set's as-of date (2020-12-31).
        var set = EpisodeBuilder.Build(Stay, Rules("2020-12-31"));
        var measurement = MeasurementCalculator.Measure(set, new MeasurementParameters(Period.Year(2020)), ReferenceData.Empty)
            with { Period = new Period(D("2020-01-01"), D("2021-12-31")) };
        var data = Outcome.Data(endReasons: Reasons, endings: [End("2020-12-31", "02"), End("2021-01-01", "02")]);
        var e = OutcomeCalculator.Measure(set, measurement, ReferenceData.Empty, data).Endings;
        Assert.Equal((1, 1), (e.Ended, e.Premature));
    }

    [Fact]
    public void WithARegionOnlyItsMunicipalitiesEndingsCount()
    {
        // 0193 and 0148 are IJsselland, 0153 Twente, 0402 in no region
        var e = Endings("IJsselland", End("2020-05-01", "02", municipality: 193), End("2020-05-01", "01", municipality: 148),
            End("2020-05-01", "02", municipality: 153), End("2020-05-01", "02", municipality: 402));
        Assert.Equal((2, 1, 1), (e.Ended, e.AsPlanned, e.Premature));
    }
}
