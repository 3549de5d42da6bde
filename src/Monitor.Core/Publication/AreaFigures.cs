using System.Globalization;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;

namespace Monitor.Core.Publication;

/// <summary>One area of the breakdown: a municipality (by its code) or a region (by its name).</summary>
/// <param name="Key">The key part: <c>municipalities.0193</c> or <c>regions.IJsselland</c>.</param>
/// <param name="Name">The name a reader knows it by.</param>
/// <param name="Region">For a municipality: its region (null outside the regions file); for a region: null.</param>
public sealed record Area(string Key, string Name, string? Region);

/// <summary>
/// The figures per municipality (and, without a region filter, per region) that the report shows: youths in
/// residential care, entries, residential days and days per 1,000 youths. Each breakdown is a sum relation
/// to its total (PROTOCOL.md 8: "any breakdown … adds up to its total"), so that a hidden small
/// municipality cannot be had by subtracting the others from the region:
/// <list type="bullet">
/// <item>a youth counts in the municipality of their first cohort episode (so the youths add up to <c>counts.youths</c>);</item>
/// <item>entries and residential days count in the municipality of their episode (adding up to
/// <c>counts.entries_in_period</c> and <c>outcomes.residential_days</c>).</item>
/// </list>
/// </summary>
public static class AreaFigures
{
    /// <summary>Youths aged 0–17 of a municipality in a year, or null when the population file lacks it.</summary>
    public delegate long? PopulationOf(int municipality, int year);

    /// <summary>The key part of a region that holds municipalities outside the regions file.</summary>
    public const string OutsideRegions = "regions.outside_regions_file";

    /// <summary>The areas the breakdown has, in reading order: without a region, each region followed by its
    /// municipalities; with one, that region's municipalities.</summary>
    public static IReadOnlyList<Area> Areas(Measurement m, ReferenceData reference)
    {
        var cohortMunicipalities = m.Cohort.Episodes.Select(e => e.Municipality).ToHashSet();
        var areas = new List<Area>();
        IEnumerable<int> Sorted(IEnumerable<int> codes) => codes.Distinct().OrderBy(c => reference.MunicipalityName(c) ?? Codes.Municipality(c), StringComparer.Ordinal);
        Area Municipality(int code, string? region) => new(MunicipalityKey(code), reference.MunicipalityName(code) ?? Codes.Municipality(code), region);
        if (m.Region is { } only)
        {
            areas.AddRange(Sorted(reference.MunicipalitiesOf(only)).Select(c => Municipality(c, only)));
            return areas;
        }
        foreach (var region in reference.Regions)
        {
            areas.Add(new Area(RegionKey(region), region, null));
            areas.AddRange(Sorted(reference.MunicipalitiesOf(region)).Select(c => Municipality(c, region)));
        }
        var outside = cohortMunicipalities.Where(c => reference.RegionOf(c) is null).ToList();
        if (outside.Count > 0)
        {
            areas.Add(new Area(OutsideRegions, "", null));
            areas.AddRange(Sorted(outside).Select(c => Municipality(c, null)));
        }
        return areas;
    }

    /// <summary>Each youth's first cohort episode (earliest start, then lowest municipality code). A cohort is in youth
    /// order (<see cref="MeasurementCalculator"/>), so a youth's episodes follow each other; any other order is grouped.</summary>
    internal static IEnumerable<Episode> FirstEpisodes(IReadOnlyList<Episode> cohort)
    {
        for (var i = 1; i < cohort.Count; i++)
            if (cohort[i].YouthId < cohort[i - 1].YouthId)
                return cohort.GroupBy(e => e.YouthId).Select(g => g.MinBy(e => (e.Start, e.Municipality))!);
        return InYouthOrder(cohort);

        static IEnumerable<Episode> InYouthOrder(IReadOnlyList<Episode> cohort)
        {
            for (var i = 0; i < cohort.Count;)
            {
                var first = cohort[i];
                for (i++; i < cohort.Count && cohort[i].YouthId == first.YouthId; i++)
                    if ((cohort[i].Start, cohort[i].Municipality).CompareTo((first.Start, first.Municipality)) < 0) first = cohort[i];
                yield return first;
            }
        }
    }

    public static string MunicipalityKey(int code) => "municipalities." + code.ToString("D4", CultureInfo.InvariantCulture);

    public static string RegionKey(string region) => "regions." + region.Replace('.', '_');

    /// <summary>Adds <c>PREFIX.AREA.youths</c>, <c>.entries</c>, <c>.residential_days</c>, <c>.population</c> and
    /// <c>.residential_days_per_1000</c> for every area, and the relations. The measurement's own figures
    /// (<see cref="MeasurementFigures"/>, <see cref="OutcomeFigures"/>) must be in the set already.</summary>
    public static void Add(FigureSet set, string prefix, Measurement m, ReferenceData reference, PopulationOf population)
    {
        string K(string key) => prefix + "." + key;
        var period = m.Period;
        var areas = Areas(m, reference);
        // One pass sorts the cohort by municipality, each municipality's episodes in cohort order, and counts each
        // youth in the municipality of their first cohort episode (earliest start, then lowest code).
        var ofMunicipality = new Dictionary<int, List<Episode>>();
        foreach (var e in m.Cohort.Episodes)
        {
            if (!ofMunicipality.TryGetValue(e.Municipality, out var list)) ofMunicipality[e.Municipality] = list = [];
            list.Add(e);
        }
        var youthsOfMunicipality = new Dictionary<int, int>();
        foreach (var first in FirstEpisodes(m.Cohort.Episodes))
            youthsOfMunicipality[first.Municipality] = youthsOfMunicipality.GetValueOrDefault(first.Municipality) + 1;

        long Days(Episode e)
        {
            var first = e.Start > period.From ? e.Start : period.From;
            var last = e.LastDay(m.AsOf) < period.To ? e.LastDay(m.AsOf) : period.To;
            return last >= first ? last.DayNumber - first.DayNumber + 1 : 0;
        }

        var municipalityOfArea = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        string? currentRegion = null;
        foreach (var area in areas)
        {
            if (area.Key.StartsWith("regions.", StringComparison.Ordinal))
            {
                currentRegion = area.Key;
                municipalityOfArea[area.Key] = [];
                continue;
            }
            var code = int.Parse(area.Key["municipalities.".Length..], CultureInfo.InvariantCulture);
            municipalityOfArea[area.Key] = [code];
            if (currentRegion is not null) municipalityOfArea[currentRegion].Add(code);
        }

        foreach (var area in areas)
        {
            var codes = municipalityOfArea[area.Key].Distinct().ToList();
            var own = codes.SelectMany(c => ofMunicipality.GetValueOrDefault(c) ?? []).ToList();
            var a = K(area.Key);
            set.Count(a + ".youths", codes.Sum(c => youthsOfMunicipality.GetValueOrDefault(c)));
            set.Count(a + ".entries", own.Count(e => period.Contains(e.Start)));
            // An area without stays has no days to count over anybody: no value rather than a withheld 0.
            long days = 0;
            foreach (var e in own) days += Days(e);
            set.Statistic(a + ".residential_days", own.Count == 0 ? null : days, MeasurementFigures.Youths(own));
            var people = codes.Select(c => population(c, period.From.Year)).ToList();
            long? total = codes.Count > 0 && people.All(p => p is not null) ? people.Sum(p => p!.Value) : null;
            set.Add(new Figure(a + ".population", FigureKind.Count, total));
            double? rate = total is > 0 && own.Count > 0 ? days * 1000.0 / total.Value : null;
            set.Share(a + ".residential_days_per_1000", rate, a + ".residential_days", a + ".population");
        }

        // The relations: regions to the total, municipalities to their region (or, with a region, to the total).
        void Sums(string total, IEnumerable<string> parts)
        {
            var list = parts.ToList();
            if (list.Count == 0) return;
            set.Sum(total, list.ToArray());
        }
        var tops = m.Region is null ? areas.Where(x => x.Key.StartsWith("regions.", StringComparison.Ordinal)).ToList() : areas.ToList();
        Sums(K("counts.youths"), tops.Select(x => K(x.Key) + ".youths"));
        Sums(K("counts.entries_in_period"), tops.Select(x => K(x.Key) + ".entries"));
        if (set.Contains(K("outcomes.residential_days")))
            Sums(K("outcomes.residential_days"), tops.Select(x => K(x.Key) + ".residential_days"));
        if (m.Region is not null) return;
        foreach (var region in tops)
        {
            var members = areas.Where(x => municipalityOfArea[region.Key].Count > 0 && x.Key.StartsWith("municipalities.", StringComparison.Ordinal)
                                           && municipalityOfArea[region.Key].Contains(int.Parse(x.Key["municipalities.".Length..], CultureInfo.InvariantCulture))).ToList();
            foreach (var what in new[] { ".youths", ".entries", ".residential_days" })
                Sums(K(region.Key) + what, members.Select(x => K(x.Key) + what));
        }
    }
}
