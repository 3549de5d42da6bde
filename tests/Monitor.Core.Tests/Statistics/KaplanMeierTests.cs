using Monitor.Core.Statistics;

namespace Monitor.Core.Tests.Statistics;

public class KaplanMeierTests
{
    private static SurvivalTime Exit(int days) => new(days, true);
    private static SurvivalTime Ongoing(int days) => new(days, false);

    [Fact]
    public void Worked_example_falls_by_fifths_and_gives_quartiles_12_177_181()
    {
        // 5 subjects: exits at 5, 12, 177, 181; one ongoing at 334.
        // S(5) = 4/5, S(12) = 4/5 * 3/4 = 3/5, S(177) = 3/5 * 2/3 = 2/5, S(181) = 2/5 * 1/2 = 1/5.
        // q1: first S <= 3/4 -> 12 (3/5); median: first S <= 1/2 -> 177 (2/5); q3: first S <= 1/4 -> 181 (1/5).
        var curve = KaplanMeier.Estimate([Exit(5), Exit(12), Exit(177), Exit(181), Ongoing(334)]);

        Assert.Equal(5, curve.Subjects);
        Assert.Equal(4, curve.Events);
        Assert.Equal([5, 12, 177, 181], curve.Steps.Select(s => s.Days));
        Assert.Equal([5, 4, 3, 2], curve.Steps.Select(s => s.AtRisk));
        Assert.Equal([0.8, 0.6, 0.4, 0.2], curve.Steps.Select(s => Math.Round(s.Survival, 12)));
        Assert.Equal(12, curve.Quantile(0.25));
        Assert.Equal(177, curve.Median);
        Assert.Equal(181, curve.Quantile(0.75));
    }

    [Fact]
    public void Survival_exactly_on_a_quarter_counts_as_reaching_it()
    {
        // 4 subjects: exits at 12, 177, 181; ongoing at 334.
        // S(12) = 3/4, S(177) = 3/4 * 2/3 = 1/2, S(181) = 1/2 * 1/2 = 1/4: every quantile lands exactly on 1 - q,
        // and "S <= 1 - q" must hold with equality: q1 = 12, median = 177, q3 = 181.
        var curve = KaplanMeier.Estimate([Exit(12), Exit(177), Exit(181), Ongoing(334)]);

        Assert.Equal([0.75, 0.5, 0.25], curve.Steps.Select(s => Math.Round(s.Survival, 12)));
        Assert.Equal(12, curve.Quantile(0.25));
        Assert.Equal(177, curve.Median);
        Assert.Equal(181, curve.Quantile(0.75));
    }

    [Fact]
    public void Exact_half_after_many_factors_is_found_where_a_naive_double_product_overshoots()
    {
        // 15 subjects. Exits at 1..10; censored three times at 6, once at 8, once at 10.
        //  t  n  d   S
        //  1 15  1  14/15
        //  2 14  1  13/15
        //  3 13  1  12/15
        //  4 12  1  11/15          <- first S <= 3/4 (11/15 = 0.733): q1 = 4
        //  5 11  1  10/15 = 2/3
        //  6 10  1  2/3 * 9/10 = 3/5   (the three censored at 6 are still at risk at 6)
        //  7  6  1  3/5 * 5/6 = 1/2    <- exactly 1/2: median = 7
        //  8  5  1  2/5
        //  9  3  1  4/15
        // 10  2  1  2/15           <- first S <= 1/4: q3 = 10
        SurvivalTime[] times =
        [
            Exit(1), Exit(2), Exit(3), Exit(4), Exit(5), Ongoing(6), Ongoing(6), Ongoing(6), Exit(6), Exit(7),
            Ongoing(8), Exit(8), Exit(9), Ongoing(10), Exit(10),
        ];
        var curve = KaplanMeier.Estimate(times);

        // The trap this pins: multiplying the double fractions 14/15 * 13/14 * ... * 5/6 gives 0.5000000000000001,
        // so comparing doubles would put the median at 8.
        var naive = curve.Steps.Take(7).Aggregate(1.0, (s, step) => s * ((double)(step.AtRisk - step.Events) / step.AtRisk));
        Assert.True(naive > 0.5);

        Assert.Equal([15, 14, 13, 12, 11, 10, 6, 5, 3, 2], curve.Steps.Select(s => s.AtRisk));
        Assert.Equal(4, curve.Quantile(0.25));
        Assert.Equal(7, curve.Median);
        Assert.Equal(10, curve.Quantile(0.75));
    }

    [Fact]
    public void Exact_half_after_ten_thousand_factors_takes_the_exact_route()
    {
        // 20,000 subjects exiting on days 1..20,000: S(t) = (20,000 - t) / 20,000, exactly 1/2 at t = 10,000,
        // reached through 10,000 rounded multiplications.
        var curve = KaplanMeier.Estimate(Enumerable.Range(1, 20_000).Select(Exit));

        Assert.Equal(5_000, curve.Quantile(0.25));
        Assert.Equal(10_000, curve.Median);
        Assert.Equal(15_000, curve.Quantile(0.75));
    }

    [Fact]
    public void Tenths_are_compared_as_the_decimals_written()
    {
        // 10 subjects exiting on days 1..10: S(k) = (10 - k)/10, exactly 1 - k/10, so quantile k/10 is day k.
        // 1 - 0.3 as a double is 0.69999999999999996 while the rounded S(3) is 0.7000000000000001.
        var curve = KaplanMeier.Estimate(Enumerable.Range(1, 10).Select(Exit));

        for (var k = 1; k <= 9; k++)
        {
            Assert.Equal(k, curve.Quantile(k / 10.0));
        }
    }

    [Fact]
    public void Quantile_is_null_where_the_curve_never_gets_there()
    {
        // Exits at 10 and 20, then two ongoing: S(10) = 3/4, S(20) = 3/4 * 2/3 = 1/2, and nothing after.
        var curve = KaplanMeier.Estimate([Exit(10), Exit(20), Ongoing(30), Ongoing(40)]);

        Assert.Equal(10, curve.Quantile(0.25));
        Assert.Equal(20, curve.Median);
        Assert.Null(curve.Quantile(0.75));
    }

    [Fact]
    public void At_one_time_events_come_before_censorings()
    {
        // Day 3: two exits and one ongoing; exit at 5; ongoing at 8. n = 5.
        // t = 3: at risk 5 (the censored one included), d = 2 -> S = 3/5.
        // t = 5: at risk 5 - 3 = 2, d = 1 -> S = 3/5 * 1/2 = 3/10.
        // Median: 3/5 > 1/2, 3/10 <= 1/2 -> 5. Censoring first would give S(3) = 2/4 and a median of 3.
        var curve = KaplanMeier.Estimate([Exit(3), Ongoing(3), Exit(3), Exit(5), Ongoing(8)]);

        Assert.Equal(
            [new(3, 5, 2, 1, 0.6), new(5, 2, 1, 0, 0.3)],
            curve.Steps.Select(s => (s.Days, s.AtRisk, s.Events, s.Censored, Math.Round(s.Survival, 12))));
        Assert.Equal(5, curve.Median);
    }

    [Fact]
    public void All_censored_gives_no_steps_and_no_quantiles()
    {
        var curve = KaplanMeier.Estimate([Ongoing(4), Ongoing(9), Ongoing(9)]);

        Assert.Empty(curve.Steps);
        Assert.Equal(3, curve.Subjects);
        Assert.Equal(0, curve.Events);
        Assert.Null(curve.Quantile(0.25));
        Assert.Null(curve.Median);
        Assert.Null(curve.Quantile(0.75));
        Assert.Equal(1.0, curve.SurvivalAt(100));
    }

    [Fact]
    public void Empty_input_gives_an_empty_curve()
    {
        var curve = KaplanMeier.Estimate([]);

        Assert.Empty(curve.Steps);
        Assert.Equal(0, curve.Subjects);
        Assert.Null(curve.Median);
        Assert.Equal(1.0, curve.SurvivalAt(0));
    }

    [Fact]
    public void SurvivalAt_is_a_right_continuous_step_function()
    {
        var curve = KaplanMeier.Estimate([Exit(5), Exit(12), Exit(177), Exit(181), Ongoing(334)]);

        Assert.Equal(1.0, curve.SurvivalAt(4));
        Assert.Equal(0.8, curve.SurvivalAt(5), 12);
        Assert.Equal(0.8, curve.SurvivalAt(11), 12);
        Assert.Equal(0.6, curve.SurvivalAt(12), 12);
        Assert.Equal(0.2, curve.SurvivalAt(181), 12);
        Assert.Equal(0.2, curve.SurvivalAt(10_000), 12);
    }

    [Fact]
    public void Greenwood_log_log_band_matches_the_hand_computation()
    {
        // Worked example, z = 1.959964.
        // t = 5:   S = 0.8, Greenwood sum = 1/(5*4) = 0.05, se(log S) = 0.223607, |log S| = 0.223144,
        //          w = z * se / |log S| = 1.964032; lower = S^exp(w) = 0.8^7.12878 = 0.203809,
        //          upper = S^exp(-w) = 0.8^0.140277 = 0.969180 (R survfit, conf.type = "log-log": 0.204, 0.969).
        // t = 177: S = 0.4, sum = 1/20 + 1/(4*3) + 1/(3*2) = 0.3, se = 0.547723, |log S| = 0.916291,
        //          w = 1.171585; lower = 0.4^3.22710 = 0.051976, upper = 0.4^0.309876 = 0.752816.
        var curve = KaplanMeier.Estimate([Exit(5), Exit(12), Exit(177), Exit(181), Ongoing(334)]);

        Assert.Equal(0.203809, curve.Steps[0].LowerCi, 6);
        Assert.Equal(0.969180, curve.Steps[0].UpperCi, 6);
        Assert.Equal(0.051976, curve.Steps[2].LowerCi, 6);
        Assert.Equal(0.752816, curve.Steps[2].UpperCi, 6);
        Assert.All(curve.Steps, s => Assert.InRange(s.Survival, s.LowerCi, s.UpperCi));
    }

    [Fact]
    public void Band_collapses_onto_S_when_S_reaches_zero()
    {
        // Last subject exits: S = 0, where log(-log S) is undefined.
        var curve = KaplanMeier.Estimate([Exit(2), Exit(4)]);

        var last = curve.Steps[^1];
        Assert.Equal((0.0, 0.0, 0.0), (last.Survival, last.LowerCi, last.UpperCi));
    }

    [Fact]
    public void A_negative_time_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.Estimate([Exit(3), Exit(-1)]));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_quantile_outside_0_1_is_rejected(double q)
    {
        var curve = KaplanMeier.Estimate([Exit(3)]);

        Assert.Throws<ArgumentOutOfRangeException>(() => curve.Quantile(q));
    }
}
