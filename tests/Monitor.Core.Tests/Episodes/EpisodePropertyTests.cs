using System.Globalization;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;

namespace Monitor.Core.Tests.Episodes;

/// <summary>
/// The episode builder against a deliberately naive model of PROTOCOL.md 4: every covered day of residential care
/// marked on a calendar, days merged into episodes where runs of at most gap_days uncovered days join, and the
/// placement moves found by literally walking the days.
/// </summary>
public class EpisodePropertyTests
{
    private static readonly DateOnly AsOf = new(2022, 6, 30);
    private static readonly int[] Providers = [6000015, 41000011, 41000022, 41000033, 45000016];
    private static readonly int[] Municipalities = [150, 153, 193];

    private static readonly CareType[] DefaultSet = [.. CareTypes.DefaultResidentialSet];
    private static readonly CareType[] WithFosterCare = [.. CareTypes.DefaultResidentialSet, CareType.Pleegzorg];

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(30)]
    public void BuilderMatchesADayByDayModel(int gap)
    {
        var segments = RandomYouths(new Random(20250117), youths: 300);
        foreach (var set in new[] { DefaultSet, WithFosterCare })
        {
            var rules = new EpisodeRules(AsOf, gap, set, TariffTable.Empty);
            var built = EpisodeBuilder.Build(segments, rules).Episodes;
            var expected = NaiveEpisodes(segments, rules);
            Assert.True(expected.Count > 300, $"the random data should give many episodes, got {expected.Count}");
            OrderIndependenceTests.AssertLines(expected.Select(e => e.Text).ToList(), built.Select(Describe).ToList());

            // cost: with every amount present it is their sum; with some missing (and no tariffs) the present ones plus 0
            for (var i = 0; i < built.Count; i++)
            {
                Assert.Equal(expected[i].AmountSum, built[i].Cost);
                Assert.Equal(expected[i].MissingAmounts, built[i].SegmentsWithoutCost);
            }
            Assert.Contains(expected, e => e.MissingAmounts == 0 && e.SegmentCount > 1);

            // The involvement a measurement takes without an array (into a buffer) is the episode's: with room for
            // every segment, and with too little room (then it is worked out as the array).
            var buffer = new ProviderInvolvement[64].AsSpan();
            foreach (var e in built)
            {
                Assert.Equal(e.Involvement, e.InvolvementIn(buffer).ToArray());
                Assert.Equal(e.Involvement, e.InvolvementIn(buffer[..Math.Max(0, e.SegmentCount - 1)]).ToArray());
            }
        }
    }

    [Fact]
    public void RandomDataHitsTheEdgesTheModelIsMeantToCheck()
    {
        var segments = RandomYouths(new Random(20250117), youths: 300);
        var expected = NaiveEpisodes(segments, new EpisodeRules(AsOf, 7, DefaultSet, TariffTable.Empty));
        Assert.Contains(expected, e => e.Moves >= 2);
        Assert.Contains(expected, e => e.Ongoing);
        Assert.Contains(expected, e => e.HasInnerGap);
        Assert.Contains(expected, e => e.Providers >= 3);
    }

    // --- random data

    internal static List<Segment> RandomYouths(Random random, int youths)
    {
        var segments = new List<Segment>();
        long id = 0;
        var firstStart = new DateOnly(2018, 1, 1);
        var lastStart = new DateOnly(2022, 12, 31); // some start after the as-of date
        for (var youth = 1; youth <= youths; youth++)
        {
            var birth = new DateOnly(2004, 1, 1).AddDays(random.Next(0, 3650));
            var mine = new List<Segment>();
            var count = random.Next(1, 9);
            for (var k = 0; k < count; k++)
            {
                DateOnly start;
                var mode = random.NextDouble();
                if (mine.Count > 0 && mode < 0.15)
                    start = mine[random.Next(mine.Count)].Start; // same-day starts: the tie rules
                else if (mine.Count > 0 && mode < 0.45 && mine[random.Next(mine.Count)] is { End: { } end })
                    start = end.AddDays(random.Next(1, 33)); // just after an end: the gap edges
                else
                    start = firstStart.AddDays(random.Next(0, lastStart.DayNumber - firstStart.DayNumber + 1));
                DateOnly? stop = random.NextDouble() < 0.15 ? null : start.AddDays(random.Next(1, 401) - 1);
                var care = random.NextDouble() < 0.75
                    ? DefaultSet[random.Next(DefaultSet.Length)]
                    : CareTypes.All[random.Next(CareTypes.All.Count)];
                decimal? amount = random.NextDouble() < 0.85 ? random.Next(0, 10_000_000) / 100m : null;
                string? product = random.Next(3) switch { 0 => null, 1 => "P1", _ => "P2" };
                mine.Add(new Segment(++id, youth, birth, Municipalities[random.Next(Municipalities.Length)],
                    Providers[random.Next(Providers.Length)], care, product, start, stop, amount));
            }
            segments.AddRange(mine);
        }
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(segments));
        return segments;
    }

    // --- the naive model

    private sealed record Expected(string Text, decimal AmountSum, int MissingAmounts, int SegmentCount, int Moves,
        bool Ongoing, bool HasInnerGap, int Providers);

    private static List<Expected> NaiveEpisodes(IEnumerable<Segment> segments, EpisodeRules rules)
    {
        var result = new List<Expected>();
        foreach (var youth in segments.GroupBy(s => s.YouthId).OrderBy(g => g.Key))
        {
            var stays = youth.Where(s => s.Start <= AsOf && rules.ResidentialSet.Contains(s.CareType)).ToList();
            if (stays.Count == 0) continue;
            var birth = stays.OrderBy(s => s.Start).ThenBy(s => s.Provider).First().BirthDate;

            // a calendar from the first start to the as-of date; day i is origin + i
            var origin = stays.Min(s => s.Start);
            int Day(DateOnly date) => date.DayNumber - origin.DayNumber;
            int LastDay(Segment s) => Day(s.End is { } end && end < AsOf ? end : AsOf); // min(end ?? as_of, as_of)
            bool Covers(Segment s, int day) => Day(s.Start) <= day && day <= LastDay(s);
            var length = Day(AsOf) + 1;
            var covered = new bool[length];
            foreach (var s in stays)
                for (var d = Day(s.Start); d <= LastDay(s); d++) covered[d] = true;

            var day = 0;
            while (day < length)
            {
                if (!covered[day])
                {
                    day++;
                    continue;
                }
                // one episode: covered days, joined across uncovered runs of at most gap days
                int first = day, last = day, next = day + 1;
                var innerGap = false;
                while (next < length)
                {
                    if (covered[next])
                    {
                        last = next++;
                        continue;
                    }
                    var runStart = next;
                    while (next < length && !covered[next]) next++;
                    if (next == length || next - runStart > rules.GapDays) break;
                    innerGap = true;
                }
                day = next;

                var mine = stays.Where(s => Day(s.Start) >= first && Day(s.Start) <= last).ToList();
                var ongoing = mine.Any(s => s.End is null || s.End > AsOf);
                if (ongoing) Assert.Equal(length - 1, last);
                var providers = mine.Select(s => s.Provider).Distinct().Order().ToList();
                var involvement = providers.Select(p =>
                    $"{p}:{Enumerable.Range(first, last - first + 1).Count(d => mine.Any(s => s.Provider == p && Covers(s, d)))}");

                // placement moves, day by day
                var responsible = mine.OrderBy(s => s.Start).ThenBy(s => s.Provider).First().Provider;
                var moves = 0;
                for (var d = first + 1; d <= last; d++)
                {
                    var covering = mine.Where(s => Covers(s, d)).ToList();
                    if (covering.Count == 0) continue; // a gap inside the episode: the responsible provider stays
                    if (covering.Any(s => s.Provider == responsible)) continue;
                    responsible = covering.OrderBy(s => s.Start).ThenBy(s => s.Provider).First().Provider;
                    moves++;
                }

                var municipality = mine
                    .OrderBy(s => s.Start).ThenBy(s => s.Provider).ThenBy(s => s.CareType.Word(), StringComparer.Ordinal)
                    .ThenBy(s => s.ProductCode ?? "", StringComparer.Ordinal).ThenBy(s => s.Municipality)
                    .First().Municipality;

                var start = origin.AddDays(first);
                var end = origin.AddDays(last);
                var text = string.Create(CultureInfo.InvariantCulture,
                    $"y{youth.Key} {start:yyyy-MM-dd}..{(ongoing ? "" : end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))} " +
                    $"ongoing={ongoing} days={last - first + 1} providers={providers.Count} moves={moves} " +
                    $"municipality={municipality} birth={birth:yyyy-MM-dd} involvement=[{string.Join(",", involvement)}]");
                result.Add(new Expected(text, mine.Sum(s => s.Amount ?? 0m), mine.Count(s => s.Amount is null), mine.Count,
                    moves, ongoing, innerGap, providers.Count));
            }
        }
        return result;
    }

    private static string Describe(Episode e) => string.Create(CultureInfo.InvariantCulture,
        $"y{e.YouthId} {e.Start:yyyy-MM-dd}..{e.End:yyyy-MM-dd} ongoing={e.Ongoing} days={e.DurationDays} " +
        $"providers={e.ProviderCount} moves={e.PlacementMoves} municipality={e.Municipality} birth={e.BirthDate:yyyy-MM-dd} " +
        $"involvement=[{string.Join(",", e.Involvement.OrderBy(i => i.Provider).Select(i => $"{i.Provider}:{i.Days}"))}]");
}
