using Monitor.Core.Domain;
using Monitor.Core.Outcomes;
using Monitor.Core.Tests.Episodes;
using Monitor.Core.Tests.Outcomes;

namespace Monitor.Core.Tests.Publication;

/// <summary>Seeded random stores for the property tests of figures made from episodes: youths with a few stays one
/// after another (ended, or running and then the last), with several providers, in municipalities given.</summary>
internal static class RandomStays
{
    /// <param name="youths">Up to this many youths (none at all is one of the stores).</param>
    /// <param name="firstDay">The earliest first start; the first stay of each youth starts up to 800 days later.</param>
    public static Segment[] Of(Random random, int youths, DateOnly firstDay, int[] municipalities, int maxDays)
    {
        var segments = new List<Segment>();
        for (var youth = 1; youth <= random.Next(0, youths); youth++)
        {
            var day = firstDay.AddDays(random.Next(800));
            for (var k = random.Next(1, 5); k > 0; k--)
            {
                var end = random.Next(5) == 0 ? (DateOnly?)null : day.AddDays(random.Next(0, maxDays));
                segments.Add(Seg.Make(youth, 10000001 + random.Next(4), day.ToString("yyyy-MM-dd"), end?.ToString("yyyy-MM-dd"),
                    municipality: municipalities[random.Next(municipalities.Length)]));
                if (end is null) break;
                day = end.Value.AddDays(random.Next(1, 45));
            }
        }
        return segments.ToArray();
    }

    /// <summary>Outcome data with the 2020 population of most of <paramref name="municipalities"/>: some left out, some 0.</summary>
    public static OutcomeData Population2020(Random random, int[] municipalities) =>
        Outcome.Data(population: municipalities.Where(_ => random.Next(8) != 0)
            .Select(m => new PopulationRow(m, 2020, random.Next(6) == 0 ? 0 : 1000 + random.Next(5000))).ToList());

    /// <summary>A random delta to <paramref name="before"/>: up to 11 rows with later ids, for youths there (a stay that goes
    /// on, one before or between theirs, one of another care type) and new youths, starting from 1 June 2019 on.</summary>
    /// <param name="amounts">Whether half the rows bill an amount.</param>
    public static List<Segment> Delta(Random random, Segment[] before, int[] municipalities, bool amounts = false)
    {
        var youths = before.Select(s => s.YouthId).Distinct().ToArray();
        var added = new List<Segment>();
        for (var k = random.Next(0, 12); k > 0; k--)
        {
            var youth = youths.Length > 0 && random.Next(3) != 0 ? youths[random.Next(youths.Length)] : 1000 + random.Next(20);
            var start = new DateOnly(2019, 6, 1).AddDays(random.Next(900));
            var end = random.Next(4) == 0 ? (DateOnly?)null : start.AddDays(random.Next(0, 200));
            added.Add(Seg.Make(youth, 10000001 + random.Next(4), start.ToString("yyyy-MM-dd"), end?.ToString("yyyy-MM-dd"),
                care: random.Next(5) == 0 ? CareType.Ambulant : CareType.Verblijf,
                amount: amounts && random.Next(2) == 0 ? random.Next(1, 90_000) / 100m : null,
                municipality: municipalities[random.Next(municipalities.Length)]));
        }
        return added;
    }
}
