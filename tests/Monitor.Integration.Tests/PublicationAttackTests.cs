using System.Globalization;
using System.Text;
using System.Text.Json;
using Monitor.Integration.Tests.Support;

namespace Monitor.Integration.Tests;

/// <summary>
/// Issue 10's attack on the publication rules (PROTOCOL.md 8), made as a reader would make it: on many seeded
/// small data sets (a small region, where counts of 1 to 9 are common) the report is written, and from
/// <c>published.json</c> and every <c>tables/*.csv</c> the test tries every relation it can find — a table's
/// parts against its total, the relations of section 8, a change against its two sides, a rate against its
/// numerator and denominator — and fails when any hidden figure can be worked out. The relations are written
/// here, from the protocol, docs/outcomes.md and the tables' own structure, not taken from the product.
/// Shares and statistics over fewer than T youths must never appear, judged against the unsuppressed
/// figures of <c>monitor compare</c>.
/// </summary>
public sealed class PublicationAttackTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(1, 4)]
    [InlineData(5, 4)]
    [InlineData(9, 4)]
    [InlineData(13, 4)]
    [InlineData(17, 4)]
    [InlineData(21, 4)]
    public void NoHiddenFigureCanBeWorkedOutOnSmallDataSets(int firstSeed, int count)
    {
        for (var seed = firstSeed; seed < firstSeed + count; seed++)
        {
            var db = _folder.File($"attack-{seed}.db");
            var (region, threshold) = WriteData(seed, db);
            var out_ = _folder.File($"attack-{seed}");
            // Every fifth data set is a two-region report: region A against region B as well.
            string[] scope = seed % 5 == 0 ? ["--regions", "Kleinland,Grootland"] : region is null ? [] : ["--region", region];
            var result = CommandLine.Run(["report", "--baseline", "2020", "--followup", "2021", "--out", out_, "--db", db, "--threshold", threshold.ToString(CultureInfo.InvariantCulture), .. scope]);
            Assert.True(result.Exit == 0, $"seed {seed}: {result}");
            var report = new ReportFolder(out_);
            string[] truthScope = seed % 5 == 0 ? ["--region", "Kleinland"] : scope;
            var compare = CommandLine.Run(["compare", "--baseline", "2020", "--followup", "2021", "--window", "182", "--db", db, "--json", "-", .. truthScope]);
            using var truth = JsonDocument.Parse(compare.Out);
            Attack(report, $"seed {seed}");
            NothingOverTooFewYouths(report, truth.RootElement, threshold, $"seed {seed}");
        }
    }

    /// <summary>A small data set: a region of four municipalities (mostly small) beside a larger one, 8 to 45 youths.</summary>
    private (string? Region, int Threshold) WriteData(int seed, string db)
    {
        var random = new Random(seed);
        int[] small = [1701, 1702, 1703, 1704];
        int[] large = [1801, 1802];
        var regions = new StringBuilder("gemeentecode;gemeente;regio\n");
        foreach (var m in small) regions.Append(CultureInfo.InvariantCulture, $"{m:D4};Klein {m};Kleinland\n");
        foreach (var m in large) regions.Append(CultureInfo.InvariantCulture, $"{m:D4};Groot {m};Grootland\n");
        var population = new StringBuilder("gemeentecode;jaar;jeugdigen_0_17\n");
        foreach (var m in small.Concat(large))
            for (var year = 2018; year <= 2022; year++) population.Append(CultureInfo.InvariantCulture, $"{m:D4};{year};{500 + random.Next(4000)}\n");

        var rows = new List<string>();
        var youths = 8 + random.Next(38);
        var bsns = Extracts.Bsns(1000 + seed).Take(youths).ToList();
        string[] care = ["verblijf", "verblijf", "gezinshuis", "crisis", "gesloten"];
        foreach (var bsn in bsns)
        {
            // Most youths in the small region, and within it most in one municipality: the others stay small.
            var municipality = random.NextDouble() < 0.75 ? (random.NextDouble() < 0.6 ? small[0] : small[1 + random.Next(3)]) : large[random.Next(2)];
            var start = new DateOnly(2018, 6, 1).AddDays(random.Next(1200));
            var birth = new DateOnly(2004 + random.Next(14), 1 + random.Next(12), 1 + random.Next(28));
            for (var s = 0; s < 1 + random.Next(3); s++)
            {
                var length = random.Next(4) switch { 0 => 1 + random.Next(29), 1 => 30 + random.Next(150), _ => 180 + random.Next(900) };
                var end = start.AddDays(length);
                rows.Add(Extracts.Row(bsn, start.ToString("yyyy-MM-dd"), end > new DateOnly(2022, 9, 30) ? null : end.ToString("yyyy-MM-dd"),
                    provider: $"4100{random.Next(5):D4}", care: care[random.Next(care.Length)], birth: birth.ToString("yyyy-MM-dd"), municipality: $"{municipality:D4}"));
                start = end.AddDays(1 + (random.Next(3) == 0 ? random.Next(60) : random.Next(5)));
                if (start > new DateOnly(2022, 9, 30)) break;
            }
        }
        var files = new[] { _folder.Write($"regions-{seed}.csv", regions.ToString()), _folder.Write($"population-{seed}.csv", population.ToString()),
            _folder.Write($"stays-{seed}.csv", Extracts.File(rows.ToArray())) };
        var import = CommandLine.Run(["import", .. files, "--db", db]);
        Assert.True(import.Exit == 0, import.ToString());
        return (seed % 3 == 0 ? null : "Kleinland", seed % 4 == 0 ? 5 : 10);
    }

    /// <summary>What a reader knows, and every relation they could use; fails when a hidden figure follows.</summary>
    private static void Attack(ReportFolder report, string where)
    {
        var published = report.Published;
        // The files say the same as published.json: a number in a CSV is never a hidden figure.
        foreach (var (file, key, number) in report.CsvFigures())
        {
            Assert.True(published.TryGetValue(key, out var p), $"{where}: {file} holds {key}, published.json does not");
            if (p.Hidden) Assert.True(number is null, $"{where}: {file} shows hidden {key} as {number}");
        }

        // An interval's bound or a trend check is never shown beside a hidden figure it belongs to (told by the keys' names).
        foreach (var (key, figure) in published)
            if (!figure.Hidden && OwnerOf(key) is { } owner && published.TryGetValue(owner, out var o))
                Assert.False(o.Hidden, $"{where}: {key} is shown beside hidden {owner}");

        var known = published.Where(p => !p.Value.Hidden && p.Value.Value is not null).ToDictionary(p => p.Key, p => p.Value.Value!.Value, StringComparer.Ordinal);
        var hidden = published.Where(p => p.Value.Hidden).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var sums = Sums(report);
        var products = Products(report.Published.Keys);

        // Work out what can be worked out, until nothing more follows.
        for (var round = 0; round < 20; round++)
        {
            var found = SolveSums(sums, known, hidden);
            foreach (var (ratio, numerator, denominator, factor) in products)
            {
                // ratio = numerator × factor / denominator
                bool K(string k) => known.ContainsKey(k);
                if (!K(numerator) && K(ratio) && K(denominator) && hidden.Contains(numerator)) found[numerator] = known[ratio] * known[denominator] / factor;
                if (!K(denominator) && K(ratio) && K(numerator) && known[ratio] != 0 && hidden.Contains(denominator)) found[denominator] = known[numerator] * factor / known[ratio];
            }
            var leaks = found.Keys.Where(hidden.Contains).ToList();
            if (leaks.Count > 0) Assert.Fail($"{where}: hidden {string.Join(", ", leaks.Take(5).Select(k => $"{k} = {found[k]}"))} can be worked out");
            if (found.Count == 0) break;
        }
    }

    /// <summary>The figure an interval's bound or a trend check belongs to, by the names of issue 13; null for any other key.</summary>
    private static string? OwnerOf(string key)
    {
        foreach (var prefix in new[] { "change_ci_lower.", "change_ci_upper." })
            if (key.StartsWith(prefix, StringComparison.Ordinal)) return "change." + key[prefix.Length..];
        foreach (var prefix in new[] { "difference_in_differences_ci_lower.", "difference_in_differences_ci_upper.", "pre_trend_parallel." })
            if (key.StartsWith(prefix, StringComparison.Ordinal)) return "difference_in_differences." + key[prefix.Length..];
        foreach (var suffix in new[] { ".km_median_ci_lower", ".km_median_ci_upper" })
            if (key.EndsWith(suffix, StringComparison.Ordinal)) return key[..^suffix.Length] + ".km_median_days";
        return null;
    }

    /// <summary>The sums a reader sees: the protocol's, the tables' totals, and a change against its two sides.</summary>
    private static List<(string Total, string[] Parts)> Sums(ReportFolder report)
    {
        var keys = report.Published.Keys.ToHashSet(StringComparer.Ordinal);
        var sums = new List<(string, string[])>();
        void Add(string total, params string[] parts)
        {
            if (keys.Contains(total) && parts.All(keys.Contains)) sums.Add((total, parts));
        }
        var prefixes = keys.Where(k => k.EndsWith(".counts.episodes", StringComparison.Ordinal)).Select(k => k[..^".counts.episodes".Length]).ToList();
        foreach (var p in prefixes)
        {
            // PROTOCOL.md 8: relations that hold in every measurement.
            Add($"{p}.counts.episodes", $"{p}.counts.exited_by_as_of", $"{p}.counts.ongoing_at_as_of");
            Add($"{p}.counts.entries_in_period", $"{p}.entry_cohort.episodes");
            Add($"{p}.outcomes.endings.ended", $"{p}.outcomes.endings.as_planned", $"{p}.outcomes.endings.premature", $"{p}.outcomes.endings.other", $"{p}.outcomes.endings.unknown");
            // docs/outcomes.md: every episode that starts (ends) in the period starts (ends) in one of its quarters.
            var quarters = keys.Where(k => k.StartsWith($"{p}.outcomes.flows.", StringComparison.Ordinal)).Select(k => k.Split('.')[^2]).Distinct().ToList();
            if (quarters.Count > 0)
            {
                Add($"{p}.counts.entries_in_period", quarters.Select(q => $"{p}.outcomes.flows.{q}.entries").ToArray());
                Add($"{p}.counts.exited_in_period", quarters.Select(q => $"{p}.outcomes.flows.{q}.exits").ToArray());
            }
        }
        // A change is the follow-up minus the baseline (and two regions' difference likewise).
        foreach (var key in keys.Where(k => k.StartsWith("change.", StringComparison.Ordinal)))
            Add($"followup.{key[7..]}", $"baseline.{key[7..]}", key);
        // Region B's change likewise, and the difference in differences is A's change minus B's.
        foreach (var key in keys.Where(k => k.StartsWith("other_region.change.", StringComparison.Ordinal)))
            Add($"other_region.followup.{key[20..]}", $"other_region.baseline.{key[20..]}", key);
        foreach (var key in keys.Where(k => k.StartsWith("difference_in_differences.", StringComparison.Ordinal)))
            Add($"change.{key[26..]}", $"other_region.change.{key[26..]}", key);
        foreach (var key in keys.Where(k => k.StartsWith("region_difference.", StringComparison.Ordinal)))
        {
            var rest = key["region_difference.".Length..];
            Add($"other_region.{rest}", $"{rest}", key);
        }

        // The tables: a total row is the sum of the rows above it, column by column; in the table per municipality a
        // region's row is the sum of its municipalities' rows below it. The same structure holds for the residential
        // days behind each area's rate.
        foreach (var path in report.TableFiles)
        {
            var page = report.PageTable(Path.GetFileNameWithoutExtension(path));
            var groups = page.Select((r, i) => (r, i)).Where(x => x.r.Classes.Contains("group")).Select(x => x.i).ToList();
            if (groups.Count == 0 || groups[^1] != page.Count - 1) continue;
            var total = page[^1];
            var blocks = new List<(int Head, List<int> Members)>();
            foreach (var g in groups.Take(groups.Count - 1))
                blocks.Add((g, Enumerable.Range(g + 1, page.Count - g - 1).TakeWhile(i => !groups.Contains(i)).ToList()));
            var topRows = groups.Count > 1 ? groups.Take(groups.Count - 1).ToList() : Enumerable.Range(0, page.Count - 1).ToList();
            for (var c = 0; c < total.Keys.Count; c++)
            {
                if (total.Keys[c] is not { } t) continue;
                Add(t, topRows.Select(i => page[i].Keys[c]).OfType<string>().ToArray());
                foreach (var (head, members) in blocks)
                    if (page[head].Keys[c] is { } h) Add(h, members.Select(i => page[i].Keys[c]).OfType<string>().ToArray());
            }
            foreach (var (head, members) in blocks)
            {
                var area = page[head].Keys.OfType<string>().FirstOrDefault()?.Split('.');
                if (area is null || area.Length < 4) continue;
                foreach (var p in new[] { "baseline", "followup" })
                {
                    var memberAreas = members.Select(i => page[i].Keys.OfType<string>().FirstOrDefault()?.Split('.')).OfType<string[]>().Select(a => $"{a[1]}.{a[2]}").ToArray();
                    Add($"{p}.{area[1]}.{area[2]}.residential_days", memberAreas.Select(a => $"{p}.{a}.residential_days").ToArray());
                }
            }
            if (blocks.Count > 0 || total.Keys.OfType<string>().Any(k => k.Contains(".counts.youths", StringComparison.Ordinal)))
            {
                foreach (var p in new[] { "baseline", "followup" })
                {
                    var areas = topRows.Select(i => page[i].Keys.OfType<string>().FirstOrDefault()?.Split('.')).OfType<string[]>().Where(a => a.Length >= 4).Select(a => $"{a[1]}.{a[2]}").ToArray();
                    if (areas.Length > 0) Add($"{p}.outcomes.residential_days", areas.Select(a => $"{p}.{a}.residential_days").ToArray());
                }
            }
        }
        return sums;
    }

    /// <summary>Rates and shares: ratio = numerator × factor ÷ denominator.</summary>
    private static List<(string Ratio, string Numerator, string Denominator, double Factor)> Products(IEnumerable<string> all)
    {
        var keys = all.ToHashSet(StringComparer.Ordinal);
        var list = new List<(string, string, string, double)>();
        void Add(string r, string n, string d, double f)
        {
            if (keys.Contains(r) && keys.Contains(n) && keys.Contains(d)) list.Add((r, n, d, f));
        }
        // Changes of rates are not rates of changes: only the measurements' own figures are ratios.
        foreach (var k in keys.Where(k => !k.StartsWith("change.", StringComparison.Ordinal) && !k.StartsWith("region_difference.", StringComparison.Ordinal)))
        {
            if (k.EndsWith(".outcomes.residential_days_per_1000", StringComparison.Ordinal))
            {
                var p = k[..^".outcomes.residential_days_per_1000".Length];
                Add(k, $"{p}.outcomes.residential_days", $"{p}.outcomes.population", 1000);
                Add($"{p}.outcomes.entries_per_1000", $"{p}.counts.entries_in_period", $"{p}.outcomes.population", 1000);
                Add($"{p}.outcomes.in_care_at_period_end_per_1000", $"{p}.outcomes.in_care_at_period_end", $"{p}.outcomes.population", 1000);
                Add($"{p}.outcomes.crisis.crisis_segments_per_100_youths", $"{p}.outcomes.crisis.crisis_segments_started", $"{p}.counts.youths", 100);
                Add($"{p}.outcomes.endings.premature_share", $"{p}.outcomes.endings.premature", $"{p}.outcomes.endings.planned_or_premature", 1);
            }
            else if (k.EndsWith(".residential_days_per_1000", StringComparison.Ordinal))
            {
                var p = k[..^".residential_days_per_1000".Length];
                Add(k, $"{p}.residential_days", $"{p}.population", 1000);
            }
            else if (k.StartsWith("change_percent.", StringComparison.Ordinal))
            {
                Add(k, $"change.{k[15..]}", $"baseline.{k[15..]}", 1);
            }
        }
        return list;
    }

    /// <summary>Gauss–Jordan over the sums with the known values put in: the hidden values the system fixes.</summary>
    private static Dictionary<string, double> SolveSums(List<(string Total, string[] Parts)> sums, Dictionary<string, double> known, HashSet<string> hidden)
    {
        var unknown = sums.SelectMany(s => s.Parts.Prepend(s.Total)).Where(k => !known.ContainsKey(k)).Distinct().ToList();
        var column = unknown.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        var rows = new List<double[]>();
        foreach (var (total, parts) in sums)
        {
            var row = new double[unknown.Count + 1];
            var any = false;
            foreach (var (key, sign) in parts.Select(p => (p, -1.0)).Prepend((total, 1.0)))
            {
                if (known.TryGetValue(key, out var v)) row[^1] -= sign * v;
                else { row[column[key]] += sign; any = true; }
            }
            if (any) rows.Add(row);
        }
        var pivots = new List<(int Row, int Column)>();
        var r = 0;
        for (var c = 0; c < unknown.Count && r < rows.Count; c++)
        {
            var best = Enumerable.Range(r, rows.Count - r).OrderByDescending(i => Math.Abs(rows[i][c])).First();
            if (Math.Abs(rows[best][c]) < 1e-9) continue;
            (rows[r], rows[best]) = (rows[best], rows[r]);
            var pivot = rows[r][c];
            for (var j = 0; j <= unknown.Count; j++) rows[r][j] /= pivot;
            for (var i = 0; i < rows.Count; i++)
            {
                if (i == r || Math.Abs(rows[i][c]) < 1e-12) continue;
                var f = rows[i][c];
                for (var j = 0; j <= unknown.Count; j++) rows[i][j] -= f * rows[r][j];
            }
            pivots.Add((r, c));
            r++;
        }
        var found = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (pr, pc) in pivots)
            if (Enumerable.Range(0, unknown.Count).All(j => j == pc || Math.Abs(rows[pr][j]) < 1e-9))
                found[unknown[pc]] = rows[pr][^1];
        return found;
    }

    /// <summary>Statistics over fewer than T youths and small true counts never appear (against compare's unsuppressed figures).</summary>
    private static void NothingOverTooFewYouths(ReportFolder report, JsonElement truth, int t, string where)
    {
        bool Shown(string key) => report.Published.TryGetValue(key, out var f) && !f.Hidden && f.Value is not null;
        foreach (var p in new[] { "baseline", "followup" })
        {
            var m = truth.GetProperty(p);
            foreach (var count in m.GetProperty("counts").EnumerateObject())
                if (count.Value.GetInt32() is > 0 and var n && n < t)
                    Assert.False(Shown($"{p}.counts.{count.Name}"), $"{where}: {p}.counts.{count.Name} = {n} is shown");
            if (m.GetProperty("counts").GetProperty("youths").GetInt32() < t)
                foreach (var group in new[] { "duration_days", "cost_eur", "providers" })
                    Assert.DoesNotContain(report.Published, f => f.Key.StartsWith($"{p}.{group}.", StringComparison.Ordinal) && !f.Key.EndsWith(".top_n", StringComparison.Ordinal)
                                                                 && !f.Value.Hidden && f.Value.Value is not null);
            foreach (var cohort in new[] { "entry_cohort", "entry_cohort_8plus" })
                if (m.GetProperty(cohort).GetProperty("episodes").GetInt32() < t)
                    foreach (var figure in new[] { "km_median_days", "km_median_ci_lower", "km_median_ci_upper" })
                        Assert.False(Shown($"{p}.{cohort}.{figure}"), $"{where}: {p}.{cohort}.{figure} over fewer than {t}");
        }
        // A shown share or percentage rests on a shown denominator of at least T.
        foreach (var (ratio, _, denominator, _) in Products(report.Published.Keys))
        {
            if (!Shown(ratio) || denominator.EndsWith(".population", StringComparison.Ordinal)) continue;
            Assert.True(Shown(denominator) && report.Published[denominator].Value >= t, $"{where}: {ratio} is shown over {denominator}");
        }
    }
}
