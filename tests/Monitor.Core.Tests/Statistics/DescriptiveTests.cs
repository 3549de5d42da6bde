using Monitor.Core.Statistics;

namespace Monitor.Core.Tests.Statistics;

public class DescriptiveTests
{
    [Fact]
    public void Mean_is_the_sum_over_the_count()
    {
        Assert.Equal(2.5, Descriptive.Mean([1, 2, 3, 4])); // 10 / 4
    }

    [Fact]
    public void Median_of_an_odd_count_is_the_middle_value()
    {
        Assert.Equal(3.0, Descriptive.Median([9, 1, 3])); // sorted 1, 3, 9
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two_and_leaves_the_input_alone()
    {
        double[] values = [10, 1, 4, 3];

        Assert.Equal(3.5, Descriptive.Median(values)); // sorted 1, 3, 4, 10 -> (3 + 4) / 2
        Assert.Equal([10, 1, 4, 3], values);
    }

    [Fact]
    public void Empty_input_gives_null()
    {
        Assert.Null(Descriptive.Mean([]));
        Assert.Null(Descriptive.Median([]));
        Assert.Null(Descriptive.Box([]));
    }

    [Fact]
    public void Box_summary_uses_type_7_quartiles_and_Tukey_fences()
    {
        // 1..9 and 100, n = 10.
        // Q1: h = 9 * 0.25 = 2.25 -> x[2] + 0.25 (x[3] - x[2]) = 3 + 0.25 = 3.25
        // median: (5 + 6) / 2 = 5.5
        // Q3: h = 9 * 0.75 = 6.75 -> x[6] + 0.75 (x[7] - x[6]) = 7 + 0.75 = 7.75
        // IQR = 4.5; fences 3.25 - 6.75 = -3.5 and 7.75 + 6.75 = 14.5 -> whiskers 1 and 9, outlier 100.
        var box = Descriptive.Box([100, 9, 8, 7, 6, 5, 4, 3, 2, 1]);

        Assert.NotNull(box);
        Assert.Equal((1.0, 3.25, 5.5, 7.75, 100.0), (box.Min, box.Q1, box.Median, box.Q3, box.Max));
        Assert.Equal((1.0, 9.0), (box.LowerWhisker, box.UpperWhisker));
        Assert.Equal([100.0], box.Outliers);
        Assert.Equal(10, box.Count);
    }

    [Fact]
    public void Box_of_one_value_is_that_value_everywhere()
    {
        var box = Descriptive.Box([42])!;

        Assert.Equal((42.0, 42.0, 42.0, 42.0, 42.0), (box.Min, box.Q1, box.Median, box.Q3, box.Max));
        Assert.Equal((42.0, 42.0), (box.LowerWhisker, box.UpperWhisker));
        Assert.Empty(box.Outliers);
    }

    [Fact]
    public void A_NaN_value_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Descriptive.Median([1, double.NaN]));
    }

    [Fact]
    public void TheMedianOfCountsIsTheMedianOfTheValuesThemselves()
    {
        // Property: seeded random lists of whole numbers (empty, one value, odd and even lengths, many ties, a long
        // tail, zeros): the median of their counts per value equals Median of the values, to the last bit.
        var random = new Random(4711);
        for (var run = 0; run < 500; run++)
        {
            var values = Enumerable.Range(0, random.Next(0, 60)).Select(_ => random.Next(3) == 0 ? random.Next(0, 5) : random.Next(0, 4000)).ToList();
            var counts = new int[values.Count == 0 ? random.Next(0, 3) : values.Max() + 1 + random.Next(3)];
            foreach (var v in values) counts[v]++;
            Assert.Equal(Descriptive.Median(values.Select(v => (double)v).ToList()), Descriptive.MedianOfCounts(counts));
        }
        Assert.Equal(2.5, Descriptive.MedianOfCounts([0, 0, 1, 1]));
        Assert.Null(Descriptive.MedianOfCounts([]));
    }

    [Fact]
    public void TheBoxIsThatOfTheSortedValues_ToTheLastBit()
    {
        // Property: the box (found by selection, not by sorting) against a model on a sorted copy: Q1 and Q3 by type 7,
        // the median as Median gives it, whiskers at the most extreme values within 1.5 IQR, the outliers beyond in
        // ascending order. Seeded random lists of every size up to a few thousand: few distinct values (many ties),
        // costs with cents, sorted, reversed and lists with far outliers.
        var random = new Random(1234);
        for (var run = 0; run < 3000; run++)
        {
            var n = run < 2000 ? 1 + random.Next(60) : 1 + random.Next(5000);
            var distinct = 1 + random.Next(run % 3 == 0 ? 4 : 10000);
            var values = Enumerable.Range(0, n).Select(_ => random.Next(distinct) * (run % 2 == 0 ? 1.0 : 0.01) - (run % 5 == 0 ? 20 : 0)).ToList();
            if (run % 7 == 0) values.Add(1e7 * (1 + random.Next(3)));
            if (run % 11 == 0) values.Sort();
            if (run % 13 == 0) values.Reverse();

            var sorted = values.Order().ToArray();
            double Type7(double p)
            {
                var h = (sorted.Length - 1) * p;
                var lower = (int)Math.Floor(h);
                return lower >= sorted.Length - 1 ? sorted[^1] : sorted[lower] + (h - lower) * (sorted[lower + 1] - sorted[lower]);
            }
            var (q1, q3) = (Type7(0.25), Type7(0.75));
            var (low, high) = (q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1));
            var box = Descriptive.Box(values)!;
            var expected = (sorted[0], q1, Descriptive.Median(values), q3, sorted[^1], sorted.First(v => v >= low), sorted.Last(v => v <= high), sorted.Length);
            Assert.Equal(expected, (box.Min, box.Q1, (double?)box.Median, box.Q3, box.Max, box.LowerWhisker, box.UpperWhisker, box.Count));
            Assert.Equal(sorted.Where(v => v < low || v > high), box.Outliers);
        }
    }
}
