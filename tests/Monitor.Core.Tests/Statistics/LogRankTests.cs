using MathNet.Numerics.Distributions;
using Monitor.Core.Statistics;

namespace Monitor.Core.Tests.Statistics;

public class LogRankTests
{
    private static SurvivalTime Exit(int days) => new(days, true);
    private static SurvivalTime Ongoing(int days) => new(days, false);

    [Fact]
    public void Small_example_matches_the_hand_computed_table()
    {
        // A: exits 2, 3, 6; ongoing 3.   B: exits 3, 4, 7; ongoing 5.
        //  t  n1 n2  d1 d2   E1 term = d n1/n     V term = d (n1/n)(n2/n)(n-d)/(n-1)
        //  2   4  4   1  0   1*4/8 = 0.5          1 * 1/2 * 1/2 * 7/7 = 0.25
        //  3   3  4   1  1   2*3/7 = 0.857143     2 * 3/7 * 4/7 * 5/6 = 0.408163   (A's ongoing 3 still at risk)
        //  4   1  3   0  1   1*1/4 = 0.25         1 * 1/4 * 3/4 * 3/3 = 0.1875
        //  6   1  1   1  0   1*1/2 = 0.5          1 * 1/2 * 1/2 * 1/1 = 0.25
        //  7   0  1   0  1   0                    n = 1: 0
        // O1 = 3, E1 = 59/28 = 2.107143, V = 859/784 = 1.095663,
        // chi2 = (3 - 2.107143)^2 / 1.095663 = 0.797194 / 1.095663 = 0.727590, p = 0.393665.
        var result = LogRank.Test(
            [Exit(2), Exit(3), Ongoing(3), Exit(6)],
            [Exit(3), Exit(4), Ongoing(5), Exit(7)]);

        Assert.NotNull(result);
        Assert.Equal(3, result.Value.Observed1);
        Assert.Equal(59.0 / 28, result.Value.Expected1, 12);
        Assert.Equal(859.0 / 784, result.Value.Variance, 12);
        Assert.Equal(0.727590, result.Value.ChiSquare, 6);
        Assert.Equal(0.393665, result.Value.PValue, 6);
        Assert.Equal(1 - ChiSquared.CDF(1, result.Value.ChiSquare), result.Value.PValue, 12);
    }

    [Fact]
    public void R_survdiff_on_the_aml_data_is_reproduced()
    {
        // survival::aml, survdiff(Surv(time, status) ~ x): Maintained N = 11, O = 7, E = 10.69;
        // Chisq = 3.4 on 1 df, p = 0.0653. The hand table gives E1 = 10.689336, V = 4.007551, chi2 = 3.396389.
        SurvivalTime[] maintained =
        [
            Exit(9), Exit(13), Ongoing(13), Exit(18), Exit(23), Ongoing(28), Exit(31), Exit(34), Ongoing(45),
            Exit(48), Ongoing(161),
        ];
        SurvivalTime[] nonmaintained =
        [
            Exit(5), Exit(5), Exit(8), Exit(8), Exit(12), Ongoing(16), Exit(23), Exit(27), Exit(30), Exit(33),
            Exit(43), Exit(45),
        ];

        var result = LogRank.Test(maintained, nonmaintained)!.Value;

        Assert.Equal(7, result.Observed1);
        Assert.Equal(10.689336, result.Expected1, 6);
        Assert.Equal(4.007551, result.Variance, 6);
        Assert.Equal(3.396389, result.ChiSquare, 6);
        Assert.Equal(0.065339, result.PValue, 6);
    }

    [Fact]
    public void Swapping_the_groups_keeps_chi_square()
    {
        SurvivalTime[] a = [Exit(2), Exit(3), Ongoing(3), Exit(6)];
        SurvivalTime[] b = [Exit(3), Exit(4), Ongoing(5), Exit(7)];

        Assert.Equal(LogRank.Test(a, b)!.Value.ChiSquare, LogRank.Test(b, a)!.Value.ChiSquare, 12);
    }

    [Fact]
    public void No_events_gives_null()
    {
        Assert.Null(LogRank.Test([Ongoing(3), Ongoing(5)], [Ongoing(4)]));
        Assert.Null(LogRank.Test([], []));
    }

    [Fact]
    public void An_empty_group_gives_null_because_the_variance_is_zero()
    {
        Assert.Null(LogRank.Test([Exit(3), Exit(5)], []));
    }

    [Fact]
    public void CountingPerDayGivesTheSameTestAsSorting_ToTheLastBit()
    {
        // Property: seeded random groups (few or many distinct days, some without events, empty ones): the per-day
        // count and the sort give the same statistic, expectation and variance.
        var random = new Random(78);
        for (var run = 0; run < 2000; run++)
        {
            var days = 1 + random.Next(run % 4 == 0 ? 3 : 2000);
            var events = random.NextDouble();
            SurvivalTime[] Group() => Enumerable.Range(0, random.Next(run % 10 == 0 ? 3 : 400))
                .Select(_ => new SurvivalTime(random.Next(days), random.NextDouble() < events)).ToArray();
            var (first, second) = (Group(), Group());
            Assert.Equal(LogRank.Test(first, second, countPerDay: false), LogRank.Test(first, second, countPerDay: true));
        }
    }
}
