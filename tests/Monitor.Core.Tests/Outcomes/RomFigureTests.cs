using Monitor.Core.Domain;
using Monitor.Core.Outcomes;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Outcomes;

/// <summary>docs/outcomes.md 2, the figures over the pairs of an instrument and informant: means, d_z with the
/// sample standard deviation, the Jacobson–Truax reliable change index with ±1.96 itself unchanged, and recovery
/// across the clinical cut-off.</summary>
public class RomFigureTests
{
    /// <summary>SE_diff = sd · √(2 (1 − r)) = 10 · √(2 · 0.5) = 10 · √1 = 10.</summary>
    private static readonly InstrumentRow LowerIsBetter = new("SDQ", LowerIsBetter: true, Sd: 10, Reliability: 0.5, Cutoff: 15, Minimum: null, Maximum: null);

    private static readonly InstrumentRow HigherIsBetter = LowerIsBetter with { Name = "OBVL", LowerIsBetter = false };

    /// <summary>SE_diff = 8 · √(2 · 0.5) = 8: a power of two, so change / SE_diff is exact in binary floating point.</summary>
    private static readonly InstrumentRow LowerIsBetterSe8 = LowerIsBetter with { Sd = 8 };

    /// <summary>Youth i stays 2020-04-01..2020-06-30 with the pre-score on 2020-04-01 and the post-score on 2020-08-01.</summary>
    private static RomFigures Figures(InstrumentRow instrument, params (double Pre, double Post)[] pairs)
    {
        var stays = pairs.Select((_, i) => Make(i + 1, 41000011, "2020-04-01", "2020-06-30")).ToArray();
        var scores = pairs.SelectMany((p, i) => new[]
        {
            new RomScore(i + 1, instrument.Name, Informant.Jongere, D("2020-04-01"), p.Pre),
            new RomScore(i + 1, instrument.Name, Informant.Jongere, D("2020-08-01"), p.Post),
        }).ToList();
        return Assert.Single(Outcome.Of("2020", "2021-06-30", stays, Outcome.Data(instruments: [instrument], scores: scores)).Rom);
    }

    private static (double? Improved, double? Unchanged, double? Deteriorated) Shares(RomFigures f) =>
        (f.ImprovedShare, f.UnchangedShare, f.DeterioratedShare);

    [Fact]
    public void MeansAreOverThePairs()
    {
        // pairs (10, 7), (10, 5), (10, 9): mean pre 10, mean post 7, mean change (−3 − 5 − 1) / 3 = −3
        var f = Figures(LowerIsBetter, (10, 7), (10, 5), (10, 9));
        Assert.Equal((3, 10.0, 7.0, -3.0), (f.Pairs, f.MeanPre, f.MeanPost, f.MeanChange));
    }

    [Fact]
    public void EffectSizeDzIsTheMeanChangeOverTheSampleSdOfTheChanges()
    {
        // changes −3, −5, −1: mean −3; deviations 0, −2, 2; sum of squares 8; sample variance 8 / (3 − 1) = 4; sd 2;
        // d_z = −3 / 2 = −1.5 (the population sd √(8/3) = 1.633 would give −1.837)
        Assert.Equal(-1.5, Figures(LowerIsBetter, (10, 7), (10, 5), (10, 9)).EffectSizeDz!.Value, 12);
    }

    [Fact]
    public void EffectSizeDzIsNullForOnePair() =>
        Assert.Null(Figures(LowerIsBetter, (10, 7)).EffectSizeDz);

    [Fact]
    public void EffectSizeDzIsNullWithoutSpread() =>
        // changes −3 and −3: sd 0
        Assert.Null(Figures(LowerIsBetter, (10, 7), (12, 9)).EffectSizeDz);

    [Fact]
    public void AnRciOfExactlyMinus196IsUnchanged() =>
        // SE_diff 8; change 0 − 15.68 = −15.68; RCI = −15.68 / 8 = −1.96 exactly: not below −1.96, so unchanged
        Assert.Equal((0.0, 1.0, 0.0), Shares(Figures(LowerIsBetterSe8, (15.68, 0))));

    [Fact]
    public void AnRciOfExactlyPlus196IsUnchanged() =>
        // change +15.68; RCI = +1.96 exactly: not above 1.96, so unchanged
        Assert.Equal((0.0, 1.0, 0.0), Shares(Figures(LowerIsBetterSe8, (0, 15.68))));

    [Fact]
    public void AnRciOfExactly196WithSeDiff10IsUnchanged()
    {
        // sd 10, reliability 0.5: SE_diff = 10 · √(2 · 0.5) = 10; change 0 − 19.6 = −19.6; RCI = −1.96 → unchanged;
        // and +19.6 → +1.96 → unchanged
        Assert.Equal((0.0, 1.0, 0.0), Shares(Figures(LowerIsBetter, (19.6, 0))));
        Assert.Equal((0.0, 1.0, 0.0), Shares(Figures(LowerIsBetter, (0, 19.6))));
    }

    [Fact]
    public void AnRciBeyondMinus196IsImprovedWhenLowerIsBetter() =>
        // change 0 − 19.7 = −19.7; RCI = −1.97 < −1.96: improved
        Assert.Equal((1.0, 0.0, 0.0), Shares(Figures(LowerIsBetter, (19.7, 0))));

    [Fact]
    public void AnRciBeyondPlus196IsDeterioratedWhenLowerIsBetter() =>
        // change +19.7; RCI = 1.97 > 1.96: deteriorated
        Assert.Equal((0.0, 0.0, 1.0), Shares(Figures(LowerIsBetter, (0, 19.7))));

    [Fact]
    public void SharesAreOverThePairs() =>
        // changes −15.68 (RCI −1.96, unchanged), −20 (−2.5, improved), +15.68 (unchanged), +24 (3, deteriorated) with SE_diff 8:
        // improved 1/4, unchanged 2/4, deteriorated 1/4
        Assert.Equal((0.25, 0.5, 0.25), Shares(Figures(LowerIsBetterSe8, (15.68, 0), (30, 10), (0, 15.68), (1, 25))));

    [Fact]
    public void WhenHigherIsBetterTheDirectionTurns() =>
        // changes +19.7 (RCI 1.97: improved), +25 (2.5: improved), −19.7 (−1.97: deteriorated), −10 (−1: unchanged)
        Assert.Equal((0.5, 0.25, 0.25), Shares(Figures(HigherIsBetter, (0, 19.7), (5, 30), (19.7, 0), (20, 10))));

    [Fact]
    public void RecoveredAreThoseCrossingTheCutOffOfThoseWhoStartedClinicalWhenLowerIsBetter()
    {
        // cut-off 15, lower is better, so >= 15 is clinical:
        //   (15, 14): starts on the cut-off, so clinical; ends below it: recovered
        //   (20, 15): clinical; ends on the cut-off, still clinical: not recovered
        //   (14, 5):  not clinical at the start: left out of both
        // started_clinical 2, recovered 1 / 2 = 0.5
        var f = Figures(LowerIsBetter, (15, 14), (20, 15), (14, 5));
        Assert.Equal(2, f.StartedClinical);
        Assert.Equal(0.5, f.RecoveredShare);
    }

    [Fact]
    public void RecoveredAreThoseCrossingTheCutOffOfThoseWhoStartedClinicalWhenHigherIsBetter()
    {
        // cut-off 15, higher is better, so <= 15 is clinical:
        //   (15, 16): clinical (on the cut-off), ends above: recovered
        //   (10, 15): clinical, ends on the cut-off: not recovered
        //   (8, 12):  clinical, still below: not recovered
        //   (16, 30): not clinical at the start
        // started_clinical 3, recovered 1 / 3
        var f = Figures(HigherIsBetter, (15, 16), (10, 15), (8, 12), (16, 30));
        Assert.Equal(3, f.StartedClinical);
        Assert.Equal(1.0 / 3, f.RecoveredShare!.Value, 12);
    }

    [Fact]
    public void RecoveredShareIsNullWhenNoneStartedClinical()
    {
        var f = Figures(LowerIsBetter, (14, 5), (10, 2));
        Assert.Equal(0, f.StartedClinical);
        Assert.Null(f.RecoveredShare);
    }
}
