using System.Globalization;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Publication;
using Monitor.Core.Tests.Episodes;
using Monitor.Core.Tests.Outcomes;

namespace Monitor.Core.Tests.Publication;

/// <summary>The figures per municipality and region (<see cref="AreaFigures"/>) against a model that filters the cohort
/// area by area, as the protocol reads.</summary>
public class AreaFigureTests
{
    [Fact]
    public void EveryAreaFigureIsThatOfItsOwnEpisodes()
    {
        // Property: seeded random stores over municipalities of both regions and outside them, youths who move
        // between municipalities, stays starting before, in and after the period, running and ended; measured for
        // all regions and for one; the cohort in youth order (as measured) and shuffled. Every figure and relation
        // equals the model's.
        var random = new Random(47);
        var reference = Outcome.TwoRegions;
        int[] municipalities = [193, 148, 153, 164, 344, 150];
        for (var run = 0; run < 150; run++)
        {
            var segments = new List<Segment>();
            var youths = random.Next(1, 60);
            for (var youth = 1; youth <= youths; youth++)
            {
                var day = new DateOnly(2019, 3, 1).AddDays(random.Next(900));
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    var end = random.Next(6) == 0 ? (DateOnly?)null : day.AddDays(random.Next(1, 300));
                    segments.Add(Seg.Make(youth, 10000001 + random.Next(3), day.ToString("yyyy-MM-dd"), end?.ToString("yyyy-MM-dd"),
                        municipality: municipalities[random.Next(municipalities.Length)]));
                    if (end is null) break;
                    day = end.Value.AddDays(random.Next(0, 40));
                }
            }
            var set = EpisodeBuilder.Build(segments.ToArray(), Seg.Rules("2021-06-30"));
            var region = random.Next(3) == 0 ? "Twente" : null;
            var measured = MeasurementCalculator.Measure(set, new MeasurementParameters(Period.Year(2020), region), reference);
            AreaFigures.PopulationOf population = (c, y) => c == 150 && run % 2 == 0 ? null : 1000 + c + y;
            foreach (var m in new[] { measured, measured with { Cohort = measured.Cohort with { Episodes = measured.Cohort.Episodes.OrderBy(_ => random.Next()).ToList() } } })
            {
                var (actual, expected) = (new FigureSet(), new FigureSet());
                foreach (var figures in new[] { actual, expected })
                {
                    MeasurementFigures.Add(figures, "b", m, reference);
                    OutcomeFigures.Add(figures, "b", m);
                }
                AreaFigures.Add(actual, "b", m, reference, population);
                Model(expected, "b", m, reference, population);
                Assert.Equal(Text(expected), Text(actual));
            }
        }
    }

    private static string Text(FigureSet set) =>
        string.Join("\n", set.Figures.OrderBy(f => f.Key, StringComparer.Ordinal)) + "\n" +
        string.Join("\n", set.Relations.Select(r => r.Total + " = " + string.Join(" + ", r.Parts)).Order(StringComparer.Ordinal));

    /// <summary>The model: each area's episodes filtered from the whole cohort, each youth's first episode found by grouping.</summary>
    private static void Model(FigureSet set, string prefix, Measurement m, ReferenceData reference, AreaFigures.PopulationOf population)
    {
        string K(string key) => prefix + "." + key;
        var period = m.Period;
        var areas = AreaFigures.Areas(m, reference);
        var firstEpisode = m.Cohort.Episodes.GroupBy(e => e.YouthId).Select(g => g.OrderBy(e => e.Start).ThenBy(e => e.Municipality).First()).ToList();
        int Code(Area area) => int.Parse(area.Key["municipalities.".Length..], CultureInfo.InvariantCulture);
        HashSet<int> CodesOf(Area area) => area.Key.StartsWith("regions.", StringComparison.Ordinal)
            ? areas.Where(x => x.Key.StartsWith("municipalities.", StringComparison.Ordinal) && (x.Region is null
                ? area.Key == AreaFigures.OutsideRegions
                : AreaFigures.RegionKey(x.Region) == area.Key)).Select(Code).ToHashSet()
            : [Code(area)];
        foreach (var area in areas)
        {
            var codes = CodesOf(area);
            var own = m.Cohort.Episodes.Where(e => codes.Contains(e.Municipality)).ToList();
            var days = own.Sum(e =>
            {
                var first = e.Start > period.From ? e.Start : period.From;
                var last = e.LastDay(m.AsOf) < period.To ? e.LastDay(m.AsOf) : period.To;
                return last >= first ? last.DayNumber - first.DayNumber + 1L : 0;
            });
            var a = K(area.Key);
            set.Count(a + ".youths", firstEpisode.Count(e => codes.Contains(e.Municipality)));
            set.Count(a + ".entries", own.Count(e => period.Contains(e.Start)));
            set.Statistic(a + ".residential_days", own.Count == 0 ? null : days, own.Select(e => e.YouthId).Distinct().Count());
            var people = codes.Select(c => population(c, period.From.Year)).ToList();
            long? total = codes.Count > 0 && people.All(p => p is not null) ? people.Sum(p => p!.Value) : null;
            set.Add(new Figure(a + ".population", FigureKind.Count, total));
            set.Share(a + ".residential_days_per_1000", total is > 0 && own.Count > 0 ? days * 1000.0 / total.Value : null, a + ".residential_days", a + ".population");
        }
        var tops = m.Region is null ? areas.Where(x => x.Key.StartsWith("regions.", StringComparison.Ordinal)).ToList() : areas.ToList();
        foreach (var (total, part) in new[] { ("counts.youths", ".youths"), ("counts.entries_in_period", ".entries"), ("outcomes.residential_days", ".residential_days") })
            if (tops.Count > 0 && set.Contains(K(total))) set.Sum(K(total), tops.Select(x => K(x.Key) + part).ToArray());
        if (m.Region is not null) return;
        foreach (var region in tops)
        {
            var members = CodesOf(region).Select(c => K(AreaFigures.MunicipalityKey(c))).ToList();
            foreach (var what in new[] { ".youths", ".entries", ".residential_days" })
                if (members.Count > 0) set.Sum(K(region.Key) + what, members.Select(x => x + what).ToArray());
        }
    }
}
