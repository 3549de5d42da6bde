using Monitor.Core.Statistics;
using static Monitor.Core.Statistics.ReliableChangeCategory;

namespace Monitor.Core.Tests.Statistics;

/// <summary>Jacobson–Truax: "hersteld" is a reliable improvement that also crosses the cut-off.</summary>
public class JacobsonTruaxTests
{
    // sd 10, reliability 0.5: SE_diff = 10 · √(2 · 0.5) = 10, so a change of more than 19.6 is reliable.
    private const double Sd = 10, Reliability = 0.5, Cutoff = 60;

    [Theory]
    [InlineData(80, 55, true, Recovered)]      // -25: reliable, from clinical (>= 60) to below 60
    [InlineData(90, 65, true, Improved)]       // -25: reliable but still clinical
    [InlineData(62, 58, true, Unchanged)]      // crosses the cut-off, but -4 is noise
    [InlineData(50, 25, true, Improved)]       // reliable, but never clinical: nothing to recover from
    [InlineData(50, 75, true, Deteriorated)]   // +25 where lower is better
    [InlineData(80, 60.4, true, Unchanged)]    // -19.6: exactly 1.96 is not reliable
    [InlineData(40, 65, false, Recovered)]     // higher is better: from <= 60 to above it, +25
    [InlineData(60, 80, false, Recovered)]     // the cut-off itself is clinical
    [InlineData(70, 45, false, Deteriorated)]
    public void Classifies(double pre, double post, bool lowerIsBetter, ReliableChangeCategory expected) =>
        Assert.Equal(expected, JacobsonTruax.Classify(pre, post, Sd, Reliability, Cutoff, lowerIsBetter));

    [Fact]
    public void RecoveredImpliesTheOldRuleButNotTheOtherWayRound()
    {
        // Property over a grid: whenever Jacobson–Truax says recovered, the score crossed the cut-off and the
        // RCI is beyond 1.96 in the good direction; crossing alone does not make it recovered.
        var crossedOnly = 0;
        for (var pre = 0.0; pre <= 100; pre += 2.5)
        for (var post = 0.0; post <= 100; post += 2.5)
        {
            var category = JacobsonTruax.Classify(pre, post, Sd, Reliability, Cutoff, lowerIsBetter: true);
            var crossed = pre >= Cutoff && post < Cutoff;
            var rci = JacobsonTruax.Rci(pre, post, Sd, Reliability);
            if (category == Recovered) Assert.True(crossed && rci < -1.96);
            if (crossed && category != Recovered) crossedOnly++;
        }
        Assert.True(crossedOnly > 0);
    }
}
