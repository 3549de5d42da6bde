using Monitor.Core.Statistics;

namespace Monitor.Core.Tests.Statistics;

public class MannWhitneyTests
{
    // first = {1, 2, 2, 4}, second = {2, 3, 4, 5, 6}; n1 = 4, n2 = 5, n = 9.
    // Pooled and ranked: 1a -> 1; 2a 2a 2b -> ranks 2,3,4 -> 3 each; 3b -> 5; 4a 4b -> 6,7 -> 6.5 each; 5b -> 8; 6b -> 9.
    // R1 = 1 + 3 + 3 + 6.5 = 13.5; U = 13.5 - 4*5/2 = 3.5; mean = 4*5/2 = 10.
    // Ties: a group of 3 (27 - 3 = 24) and one of 2 (8 - 2 = 6): sum = 30.
    // variance = 20/12 * (10 - 30/(9*8)) = 1.666667 * 9.583333 = 15.972222; sd = 3.996526.
    // z = (3.5 - 10) / 3.996526 = -1.626412; p = 2 * (1 - Phi(1.626412)) = 0.103862.
    private static readonly double[] First = [1, 2, 2, 4];
    private static readonly double[] Second = [2, 3, 4, 5, 6];

    [Fact]
    public void Small_sample_with_ties_matches_the_hand_computation()
    {
        var result = MannWhitney.Test(First, Second);

        Assert.NotNull(result);
        Assert.Equal(3.5, result.Value.U, 12);
        Assert.Equal(-1.626412, result.Value.Z, 6);
        Assert.Equal(0.103862, result.Value.PValue, 6);
    }

    [Fact]
    public void Swapping_the_samples_mirrors_U_and_keeps_p()
    {
        var forward = MannWhitney.Test(First, Second)!.Value;
        var backward = MannWhitney.Test(Second, First)!.Value;

        Assert.Equal(4 * 5 - forward.U, backward.U, 12); // U' = n1 n2 - U = 16.5
        Assert.Equal(-forward.Z, backward.Z, 12);
        Assert.Equal(forward.PValue, backward.PValue, 12);
    }

    [Fact]
    public void All_values_tied_gives_null()
    {
        Assert.Null(MannWhitney.Test([7, 7, 7], [7, 7]));
    }

    [Fact]
    public void An_empty_sample_gives_null()
    {
        Assert.Null(MannWhitney.Test([], [1, 2]));
        Assert.Null(MannWhitney.Test([1, 2], []));
    }

    [Fact]
    public void A_NaN_value_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => MannWhitney.Test([1, double.NaN], [2]));
    }

    [Fact]
    public void CountingWholeDaysGivesTheSameTestAsSorting_ToTheLastBit()
    {
        // Property: seeded random samples of whole days (few or many distinct values, so ties of every size, empty
        // samples and samples that all tie among them): the per-day count and the sort give the same U, z and p.
        var random = new Random(77);
        for (var run = 0; run < 2000; run++)
        {
            var days = 1 + random.Next(run % 4 == 0 ? 3 : 2000);
            double[] Sample() => Enumerable.Range(0, random.Next(run % 10 == 0 ? 3 : 400)).Select(_ => (double)random.Next(days)).ToArray();
            var (first, second) = (Sample(), Sample());
            Assert.Equal(MannWhitney.Test(first, second, countPerValue: false), MannWhitney.Test(first, second, countPerValue: true));
        }
    }
}
