using Monitor.Core.Publication;

namespace Monitor.Core.Tests.Publication;

/// <summary>
/// The publication rules on seeded random tables of the kinds a report holds — a region's municipalities
/// by outcome with row, column and grand totals, a second partition of the grand total, equalities and
/// shares — full of counts from 0 to 60, many of them small. Checked against a model written here: every
/// count of 1 to T−1 is hidden, no hidden count follows from the shown ones by any combination of the sums
/// (a rank test, not the product's elimination), zeros stay shown, shares and statistics follow their rule.
/// </summary>
public class PublicationRulesPropertyTests
{
    [Fact]
    public void NoHiddenCountCanBeRecomputedOnRandomTables()
    {
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            var threshold = random.Next(2) == 0 ? 10 : 5 + random.Next(10);
            var (set, truth) = RandomTables(random);
            var published = new PublicationRules(threshold).Apply(set);

            foreach (var (key, value) in truth)
            {
                var p = published[key];
                if (value is > 0 && value < threshold) Assert.True(p.Hidden == Hidden.SmallCount, $"seed {seed}: {key} = {value} is shown");
                if (value == 0) Assert.True(p.Shown, $"seed {seed}: {key} = 0 is hidden");
                if (p.Shown) Assert.Equal(value, p.Value);
            }
            var hidden = truth.Keys.Where(k => !published.IsShown(k)).ToHashSet();
            foreach (var key in hidden)
                Assert.False(Determined(set.Relations, hidden, key), $"seed {seed}: hidden {key} = {truth[key]} follows from the shown counts");

            foreach (var f in set.Figures.Where(f => f.Kind == FigureKind.Share))
            {
                var shouldShow = f.Value is null || published.IsShown(f.Numerator!) && published.IsShown(f.Denominator!) && truth[f.Denominator!] >= threshold;
                Assert.Equal(shouldShow, published.IsShown(f.Key));
            }
            foreach (var f in set.Figures.Where(f => f.Kind == FigureKind.Statistic))
                Assert.Equal(f.Value is null || f.Youths >= threshold, published.IsShown(f.Key));
        }
    }

    /// <summary>A municipality × outcome table with totals, a second partition of its grand total, and
    /// shares and statistics over its rows.</summary>
    private static (FigureSet, Dictionary<string, int>) RandomTables(Random random)
    {
        var set = new FigureSet();
        var truth = new Dictionary<string, int>();
        int Value() => random.Next(10) switch { < 2 => 0, < 6 => 1 + random.Next(9), _ => 10 + random.Next(50) };
        void Count(string key, int value) { set.Count(key, value); truth[key] = value; }

        var (rows, columns) = (2 + random.Next(6), 2 + random.Next(3));
        var cell = new int[rows, columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                Count($"m{r}.o{c}", cell[r, c] = Value());
        for (var r = 0; r < rows; r++) Count($"m{r}", Enumerable.Range(0, columns).Sum(c => cell[r, c]));
        for (var c = 0; c < columns; c++) Count($"o{c}", Enumerable.Range(0, rows).Sum(r => cell[r, c]));
        var grand = truth.Where(t => t.Key.StartsWith('m') && !t.Key.Contains('.')).Sum(t => t.Value);
        Count("all", grand);
        for (var r = 0; r < rows; r++) set.Sum($"m{r}", Enumerable.Range(0, columns).Select(c => $"m{r}.o{c}").ToArray());
        for (var c = 0; c < columns; c++) set.Sum($"o{c}", Enumerable.Range(0, rows).Select(r => $"m{r}.o{c}").ToArray());
        set.Sum("all", Enumerable.Range(0, rows).Select(r => $"m{r}").ToArray());
        set.Sum("all", Enumerable.Range(0, columns).Select(c => $"o{c}").ToArray());

        // Duration classes: another partition of the same total.
        var classes = 2 + random.Next(4);
        var left = grand;
        for (var k = 0; k < classes; k++)
        {
            var part = k == classes - 1 ? left : random.Next(left + 1);
            left -= part;
            Count($"class{k}", part);
        }
        set.Sum("all", Enumerable.Range(0, classes).Select(k => $"class{k}").ToArray());
        // An equality (entries_in_period = entry_cohort.episodes).
        Count("entries", truth["o0"]);
        set.Sum("entries", "o0");

        for (var r = 0; r < rows; r++)
        {
            set.Share($"share{r}", truth[$"m{r}"] == 0 ? null : (double)truth[$"m{r}.o0"] / truth[$"m{r}"], $"m{r}.o0", $"m{r}");
            set.Statistic($"mean{r}", truth[$"m{r}"] == 0 ? null : 100 + r, youths: truth[$"m{r}"]);
        }
        return (set, truth);
    }

    /// <summary>The model: a hidden count is fixed by the sums when every solution of the homogeneous system
    /// has it zero, i.e. when deleting its column lowers the rank by one.</summary>
    private static bool Determined(IReadOnlyList<SumRelation> relations, HashSet<string> hidden, string key)
    {
        var unknowns = hidden.Order(StringComparer.Ordinal).ToList();
        var matrix = relations.Select(r =>
        {
            var row = new double[unknowns.Count];
            if (hidden.Contains(r.Total)) row[unknowns.IndexOf(r.Total)] += 1;
            foreach (var part in r.Parts.Where(hidden.Contains)) row[unknowns.IndexOf(part)] -= 1;
            return row;
        }).ToList();
        var k = unknowns.IndexOf(key);
        return Rank(matrix) == Rank(matrix.Select(row => row.Where((_, j) => j != k).ToArray()).ToList()) + 1;
    }

    private static int Rank(List<double[]> rows)
    {
        var m = rows.Select(r => (double[])r.Clone()).ToList();
        var columns = m.Count == 0 ? 0 : m[0].Length;
        var rank = 0;
        for (var c = 0; c < columns && rank < m.Count; c++)
        {
            var pivot = Enumerable.Range(rank, m.Count - rank).OrderByDescending(r => Math.Abs(m[r][c])).First();
            if (Math.Abs(m[pivot][c]) < 1e-9) continue;
            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            for (var r = 0; r < m.Count; r++)
            {
                if (r == rank) continue;
                var f = m[r][c] / m[rank][c];
                for (var j = c; j < columns; j++) m[r][j] -= f * m[rank][j];
            }
            rank++;
        }
        return rank;
    }
}
