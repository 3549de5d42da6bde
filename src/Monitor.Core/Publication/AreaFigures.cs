using System.Globalization;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;

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
        var cohortMunicipalities = MunicipalitiesOf(m.Cohort.Episodes);
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

    /// <summary>The distinct municipalities of <paramref name="episodes"/>, ascending: a flag per code a segment can hold
    /// (16 bits), set in one pass over a cohort of up to a million episodes, rather than a hash set of them.</summary>
    private static List<int> MunicipalitiesOf(IReadOnlyList<Episode> episodes)
    {
        var seen = new bool[1 << 16];
        SortedSet<int>? wider = null; // an episode made elsewhere than of stored segments (tests)
        for (var i = 0; i < episodes.Count; i++)
        {
            var code = episodes[i].Municipality;
            if (code == (short)code) seen[(ushort)(code - short.MinValue)] = true;
            else (wider ??= []).Add(code);
        }
        var codes = new List<int>();
        for (var flag = 0; flag < seen.Length; flag++)
            if (seen[flag]) codes.Add(flag + short.MinValue);
        return wider is null ? codes : [.. codes.Concat(wider).Order()];
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
        var regionOf = new Dictionary<int, string>();
        foreach (var (key, codes) in municipalityOfArea)
            if (key.StartsWith("regions.", StringComparison.Ordinal))
                foreach (var code in codes) regionOf.TryAdd(code, key);

        // One pass over the cohort, youth by youth: per municipality its episodes, entries and residential days, the
        // youths with an episode there and those whose first cohort episode is there (earliest start, then lowest
        // code); per region the youths with an episode in it. Youths are counted per area, not per episode: a youth
        // with stays in two municipalities of a region is one of the region's youths.
        var ofMunicipality = new Dictionary<int, Tally>();
        var youthsOfRegion = new Dictionary<string, int>(StringComparer.Ordinal);
        Tally TallyOf(int code) => ofMunicipality.TryGetValue(code, out var t) ? t : ofMunicipality[code] = new Tally();
        var cohort = m.Cohort.Episodes;
        var inYouthOrder = cohort;
        for (var i = 1; i < cohort.Count; i++)
            if (cohort[i].YouthId < cohort[i - 1].YouthId)
            {
                inYouthOrder = cohort.OrderBy(e => e.YouthId).ToList(); // stable: each youth's episodes keep their order
                break;
            }
        var seenMunicipalities = new List<int>();
        var seenRegions = new List<string>();
        for (var i = 0; i < inYouthOrder.Count;)
        {
            var first = inYouthOrder[i];
            seenMunicipalities.Clear();
            seenRegions.Clear();
            for (var youth = first.YouthId; i < inYouthOrder.Count && inYouthOrder[i].YouthId == youth; i++)
            {
                var e = inYouthOrder[i];
                if ((e.Start, e.Municipality).CompareTo((first.Start, first.Municipality)) < 0) first = e;
                var tally = TallyOf(e.Municipality);
                tally.Episodes++;
                if (period.Contains(e.Start)) tally.Entries++;
                tally.Days += OutcomeCalculator.ResidentialDaysIn(e, period, m.AsOf);
                if (!seenMunicipalities.Contains(e.Municipality))
                {
                    seenMunicipalities.Add(e.Municipality);
                    tally.Youths++;
                    if (regionOf.TryGetValue(e.Municipality, out var region) && !seenRegions.Contains(region))
                    {
                        seenRegions.Add(region);
                        youthsOfRegion[region] = youthsOfRegion.GetValueOrDefault(region) + 1;
                    }
                }
            }
            TallyOf(first.Municipality).FirstYouths++;
        }

        foreach (var area in areas)
        {
            var codes = municipalityOfArea[area.Key].Distinct().ToList();
            var own = codes.Select(c => ofMunicipality.GetValueOrDefault(c)).OfType<Tally>().ToList();
            var a = K(area.Key);
            var episodes = own.Sum(t => t.Episodes);
            set.Count(a + ".youths", own.Sum(t => t.FirstYouths));
            set.Count(a + ".entries", own.Sum(t => t.Entries));
            // An area without stays has no days to count over anybody: no value rather than a withheld 0.
            var days = own.Sum(t => t.Days);
            var youths = area.Key.StartsWith("regions.", StringComparison.Ordinal) ? youthsOfRegion.GetValueOrDefault(area.Key) : own.Sum(t => t.Youths);
            set.Statistic(a + ".residential_days", episodes == 0 ? null : days, youths);
            var people = codes.Select(c => population(c, period.From.Year)).ToList();
            long? total = codes.Count > 0 && people.All(p => p is not null) ? people.Sum(p => p!.Value) : null;
            set.Add(new Figure(a + ".population", FigureKind.Count, total));
            double? rate = total is > 0 && episodes > 0 ? days * 1000.0 / total.Value : null;
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

    /// <summary>What one municipality's cohort episodes add up to.</summary>
    private sealed class Tally
    {
        public int Episodes, Entries, Youths, FirstYouths;
        public long Days;
    }
}
