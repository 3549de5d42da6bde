using Monitor.Core.Publication;

namespace Monitor.Core.Tests.Publication;

/// <summary>PROTOCOL.md 8, one rule at a time, with the small cases of issue 10 inline.</summary>
public class PublicationRulesTests
{
    private static readonly PublicationRules Rules = new(10);

    [Theory]
    [InlineData(0, Hidden.No)]
    [InlineData(1, Hidden.SmallCount)]
    [InlineData(9, Hidden.SmallCount)]
    [InlineData(10, Hidden.No)]
    public void CountsFrom1ToTMinus1AreHiddenAndZeroIsShown(int count, Hidden expected) =>
        Assert.Equal(expected, Rules.Apply(new FigureSet().Count("n", count))["n"].Hidden);

    [Fact]
    public void TheIssuesEndReasonsCannotGiveTheHiddenOne()
    {
        // "Trajecten beëindigd 46 = volgens plan 26 + voortijdig 19 + overstap 0 + onbekend <10" gave the hidden 1.
        var set = new FigureSet().Count("ended", 46).Count("plan", 26).Count("premature", 19).Count("transfer", 0).Count("unknown", 1)
            .Sum("ended", "plan", "premature", "transfer", "unknown");
        var published = Rules.Apply(set);
        Assert.Equal(Hidden.SmallCount, published["unknown"].Hidden);
        Assert.Equal(Hidden.Secondary, published["premature"].Hidden); // the smallest other non-zero part
        Assert.True(published.IsShown("transfer"));
        Assert.True(published.IsShown("ended"));
    }

    [Fact]
    public void TheIssuesTwoRegionReportCannotGiveTheHiddenOngoing()
    {
        // "episodes 70, exited 64, ongoing <10" gave 6.
        var set = new FigureSet().Count("episodes", 70).Count("exited", 64).Count("ongoing", 6).Sum("episodes", "exited", "ongoing");
        var published = Rules.Apply(set);
        Assert.False(published.IsShown("ongoing"));
        Assert.False(published.IsShown("exited") && published.IsShown("episodes"));
    }

    [Fact]
    public void AZeroPartIsNeverTheSecondCellHidden()
    {
        // Hiding the 0 beside the hidden 3 would leave 3 = 15 − 12 − 0 to anyone who guesses the 0.
        var set = new FigureSet().Count("total", 15).Count("a", 12).Count("b", 0).Count("c", 3).Sum("total", "a", "b", "c");
        var published = Rules.Apply(set);
        Assert.Equal(Hidden.SmallCount, published["c"].Hidden);
        Assert.Equal(Hidden.Secondary, published["a"].Hidden);
        Assert.True(published.IsShown("b"));
        Assert.True(published.IsShown("total"));
    }

    [Fact]
    public void WhenOnlyZerosAreLeftTheTotalIsHidden()
    {
        var set = new FigureSet().Count("total", 4).Count("a", 4).Count("b", 0).Sum("total", "a", "b").Count("all", 40).Count("rest", 36).Sum("all", "total", "rest");
        var published = Rules.Apply(set);
        Assert.False(published.IsShown("a"));
        Assert.False(published.IsShown("total"));
        Assert.False(published.IsShown("rest") && published.IsShown("all")); // the total hidden in turn needs a partner
    }

    [Fact]
    public void ACycleOfRelationsThatEachHideTwoIsStillCaught()
    {
        // a+b, a+f and f+b are all known: each relation hides two, yet a = (ab + af − fb) / 2.
        var set = new FigureSet().Count("a", 3).Count("b", 4).Count("f", 5).Count("ab", 7).Count("af", 8).Count("fb", 9).Count("e", 20)
            .Count("s1", 27).Count("s2", 28).Count("s3", 29)
            .Sum("s1", "a", "b", "e").Sum("s2", "a", "f", "e").Sum("s3", "f", "b", "e");
        Assert.Equal(["a", "b", "f"], SubtractionAudit.Determined(set.Relations, k => k is "a" or "b" or "f").Order());
        var published = Rules.Apply(set);
        Assert.Empty(SubtractionAudit.Determined(set.Relations, k => !published.IsShown(k)));
    }

    [Fact]
    public void AStatisticNeedsTYouths()
    {
        var set = new FigureSet().Statistic("mean", 312.5, youths: 9).Statistic("other", 400, youths: 10).Statistic("none", null, youths: 0);
        var published = Rules.Apply(set);
        Assert.Equal(Hidden.TooFewYouths, published["mean"].Hidden);
        Assert.True(published.IsShown("other"));
        Assert.True(published.IsShown("none")); // nothing to hide: shown as missing
        Assert.Null(published["none"].Value);
    }

    [Theory]
    [InlineData(1, 5, Hidden.Share)] // "Hersteld 20%" is one child of five
    [InlineData(2, 24, Hidden.Share)] // "Verslechterd 8%": two of 24, the numerator is hidden
    [InlineData(12, 24, Hidden.No)]
    [InlineData(0, 12, Hidden.No)]
    [InlineData(15, 15, Hidden.No)]
    public void AShareNeedsItsNumeratorAndDenominatorShownAndADenominatorOfT(int numerator, int denominator, Hidden expected)
    {
        var set = new FigureSet().Count("n", numerator).Count("d", denominator).Share("share", (double)numerator / denominator, "n", "d");
        Assert.Equal(expected, Rules.Apply(set)["share"].Hidden);
    }

    [Fact]
    public void ADifferenceIsHiddenWhenEitherSideIs()
    {
        var set = new FigureSet().Count("a", 26).Count("b", 8).Count("c", 53).Difference("ab", "a", "b").Difference("ac", "a", "c")
            .Difference("ac%", "a", "c", relative: true);
        var published = Rules.Apply(set);
        Assert.Equal(Hidden.Difference, published["ab"].Hidden);
        Assert.Equal(27, published["ac"].Value);
        Assert.Equal(27.0 / 26, published["ac%"].Value!.Value, 12);
    }

    [Fact]
    public void APercentageChangeOfASmallBaseIsNotShownEvenWhenTheBaseIsZero()
    {
        var set = new FigureSet().Count("a", 0).Count("b", 12).Difference("ab%", "a", "b", relative: true);
        Assert.True(Rules.Apply(set).IsShown("ab%")); // no value (division by zero): shown as missing
        Assert.Null(Rules.Apply(set)["ab%"].Value);
    }

    [Fact]
    public void AnIntervalIsHiddenWithTheChangeItBelongsTo()
    {
        // "26 → <10": the change is hidden, and so is its interval, though the interval rests on every youth.
        var set = new FigureSet().Count("a", 26).Count("b", 8).Count("c", 53).Difference("ab", "a", "b").Difference("ac", "a", "c")
            .Bound("ab_lower", -30, "ab", youths: 200).Bound("ab_upper", -5, "ab", youths: 200)
            .Bound("ac_lower", 12, "ac", youths: 200).Bound("ac_upper", 41, "ac", youths: 200);
        var published = Rules.Apply(set);
        Assert.Equal(Hidden.WithItsFigure, published["ab_lower"].Hidden);
        Assert.Equal(Hidden.WithItsFigure, published["ab_upper"].Hidden);
        Assert.Null(published["ab_upper"].Value);
        Assert.Equal(12, published["ac_lower"].Value);
        Assert.Equal(41, published["ac_upper"].Value);
    }

    [Fact]
    public void AnIntervalOverTooFewYouthsIsHiddenEvenBesideAMedianWithoutValue()
    {
        // A median not reached has no value and is shown as missing; its lower bound would be a number over 6 youths.
        var set = new FigureSet().Statistic("median", null, youths: 6).Bound("lower", 40, "median", youths: 6).Bound("upper", null, "median", youths: 6)
            .Statistic("small", 300, youths: 9).Bound("small_lower", 200, "small", youths: 30)
            .Statistic("large", 300, youths: 40).Bound("large_lower", 210, "large", youths: 40).Bound("large_upper", null, "large", youths: 40);
        var published = Rules.Apply(set);
        Assert.True(published.IsShown("median"));
        Assert.Equal(Hidden.TooFewYouths, published["lower"].Hidden);
        Assert.True(published.IsShown("upper")); // nothing to hide: shown as missing
        Assert.Equal(Hidden.TooFewYouths, published["small"].Hidden);
        Assert.Equal(Hidden.WithItsFigure, published["small_lower"].Hidden);
        Assert.Equal(210, published["large_lower"].Value);
        Assert.True(published.IsShown("large_upper"));
        Assert.Null(published["large_upper"].Value); // a bound the data cannot fix: no value, never 0
    }

    [Fact]
    public void ADifferenceOfDifferencesAndItsIntervalAreDecidedWhateverOrderTheyWereAddedIn()
    {
        // The difference in differences is added before the changes it rests on: it must still wait for them.
        var set = new FigureSet().Count("a0", 40).Count("a1", 30).Count("b0", 20).Count("b1", 7)
            .Add(new Figure("did", FigureKind.Difference, -3, From: "changeB", To: "changeA"));
        set.Add(new Figure("changeA", FigureKind.Difference, -10, From: "a0", To: "a1")).Add(new Figure("changeB", FigureKind.Difference, -13, From: "b0", To: "b1"))
            .Bound("did_lower", -9, "did", youths: 90);
        var published = Rules.Apply(set);
        Assert.True(published.IsShown("changeA"));
        Assert.Equal(Hidden.Difference, published["changeB"].Hidden);
        Assert.Equal(Hidden.Difference, published["did"].Hidden);
        Assert.Equal(Hidden.WithItsFigure, published["did_lower"].Hidden);
    }

    [Fact]
    public void OnlyAFigureInTheSetCanBeBelongedToAndNeverByACount()
    {
        var set = new FigureSet().Count("a", 12);
        Assert.Throws<KeyNotFoundException>(() => set.Bound("lower", 3, "no such figure", youths: 20));
        Assert.Throws<InvalidOperationException>(() => set.Add(new Figure("n", FigureKind.Count, 3, Of: "a")));
    }

    [Fact]
    public void TheSameKeyIsOneFigure()
    {
        var set = new FigureSet().Count("n", 5);
        set.Count("n", 5);
        Assert.Throws<InvalidOperationException>(() => set.Count("n", 6));
    }

    [Fact]
    public void AThresholdBelow2IsRefused() => Assert.Throws<ArgumentOutOfRangeException>(() => new PublicationRules(1));
}
