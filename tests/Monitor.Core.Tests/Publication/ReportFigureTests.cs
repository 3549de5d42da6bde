using Monitor.Core.Domain;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;
using Monitor.Core.Publication;
using Monitor.Core.Tests.Episodes;
using Monitor.Core.Tests.Outcomes;

namespace Monitor.Core.Tests.Publication;

/// <summary>The report's own figures (breakdowns, areas, outcomes, trend, sensitivity): every breakdown adds
/// up to its total and is registered as a sum relation, and a figure that appears twice has one key.</summary>
public class ReportFigureTests
{
    /// <summary>Sixty youths in two regions, stays of every length, some moves, some still running.</summary>
    private static Measurement Sample(string? region = null)
    {
        var random = new Random(7);
        var segments = new List<Segment>();
        int[] municipalities = [193, 148, 153, 164, 999];
        for (var youth = 1; youth <= 60; youth++)
        {
            var start = new DateOnly(2019, 6, 1).AddDays(random.Next(500));
            var length = random.Next(3) switch { 0 => random.Next(1, 40), 1 => random.Next(40, 400), _ => random.Next(400, 1400) };
            var end = start.AddDays(length);
            var m = municipalities[random.Next(municipalities.Length)];
            segments.Add(Seg.Make(youth, 41000001, start.ToString("yyyy-MM-dd"), end > new DateOnly(2021, 6, 30) ? null : end.ToString("yyyy-MM-dd"), municipality: m));
            if (random.Next(3) == 0)
                segments.Add(Seg.Make(youth, 41000002, end.AddDays(2).ToString("yyyy-MM-dd"), null, municipality: m));
        }
        var population = new[] { 193, 148, 153, 164, 999 }.Select(m => new PopulationRow(m, 2020, 5000 + m)).ToList();
        return Outcome.MeasurementOf("2020", "2021-06-30", segments.ToArray(), Outcome.Data(population), region, Outcome.TwoRegions);
    }

    private static FigureSet SetOf(Measurement m)
    {
        var set = new FigureSet();
        MeasurementFigures.Add(set, "baseline", m, Outcome.TwoRegions);
        OutcomeFigures.Add(set, "baseline", m);
        BreakdownFigures.Add(set, "baseline", m);
        AreaFigures.Add(set, "baseline", m, Outcome.TwoRegions, (c, y) => y == 2020 ? 5000 + c : null);
        return set;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Twente")]
    public void EveryRegisteredRelationAddsUp(string? region)
    {
        var set = SetOf(Sample(region));
        Assert.True(set.Relations.Count >= 10, $"{set.Relations.Count} relations");
        foreach (var r in set.Relations)
            Assert.True(set[r.Total].Value == r.Parts.Sum(p => set[p].Value), $"{r.Total} ≠ Σ {string.Join(" + ", r.Parts)}");
    }

    [Fact]
    public void ASetMadeInPartsAndJoinedIsTheSetMadeInOne()
    {
        // As the report makes its two measurements' figures side by side: the same figures and relations, in the same order.
        var (baseline, followup) = (Sample(), Sample("Twente"));
        var whole = new FigureSet();
        foreach (var (prefix, m) in new[] { ("baseline", baseline), ("followup", followup) })
        {
            MeasurementFigures.Add(whole, prefix, m, Outcome.TwoRegions);
            AreaFigures.Add(whole, prefix, m, Outcome.TwoRegions, (c, y) => 5000 + c);
        }
        var joined = new FigureSet();
        foreach (var (prefix, m) in new[] { ("baseline", baseline), ("followup", followup) })
        {
            var part = new FigureSet();
            MeasurementFigures.Add(part, prefix, m, Outcome.TwoRegions);
            AreaFigures.Add(part, prefix, m, Outcome.TwoRegions, (c, y) => 5000 + c);
            joined.AddAll(part).AddAll(part); // twice: the same figures and relations are each held once
        }
        Assert.Equal(whole.Figures, joined.Figures);
        Assert.Equal(whole.Relations.Select(r => (r.Total, string.Join("+", r.Parts))), joined.Relations.Select(r => (r.Total, string.Join("+", r.Parts))));
        // A part that says otherwise about a figure the set holds is refused, as a second Add would be.
        var other = new FigureSet().Count("baseline.counts.youths", baseline.Counts.Youths + 1);
        Assert.Throws<InvalidOperationException>(() => joined.AddAll(other));
    }

    [Fact]
    public void TheBreakdownsAreRelationsToTheEpisodesAndReuseTheProtocolKeys()
    {
        var set = SetOf(Sample());
        var toEpisodes = set.Relations.Where(r => r.Total == "baseline.counts.episodes").ToList();
        Assert.Contains(toEpisodes, r => r.Parts[0] == "baseline.counts.short_episodes" && r.Parts.Count == 7);
        Assert.Contains(toEpisodes, r => r.Parts[0] == "baseline.counts.single_provider_episodes" && r.Parts.Count == 5);
        Assert.Contains(toEpisodes, r => r.Parts[0] == "baseline.moves_per_episode.0");
        Assert.DoesNotContain(set.Figures, f => f.Key.Contains("under_1_month", StringComparison.Ordinal));
    }

    [Fact]
    public void MunicipalitiesAddUpToTheirRegionAndRegionsToTheTotal()
    {
        var set = SetOf(Sample());
        Assert.Contains(set.Relations, r => r.Total == "baseline.counts.youths" && r.Parts.Contains("baseline.regions.Twente.youths")
                                            && r.Parts.Contains(AreaFigures.OutsideRegions.Insert(0, "baseline.") + ".youths"));
        Assert.Contains(set.Relations, r => r.Total == "baseline.regions.Twente.youths" && r.Parts.SequenceEqual(["baseline.municipalities.0153.youths", "baseline.municipalities.0164.youths"]));
        Assert.Contains(set.Relations, r => r.Total == "baseline.outcomes.residential_days" && r.Parts.Contains("baseline.regions.IJsselland.residential_days"));
        Assert.Equal(FigureKind.Share, set["baseline.municipalities.0193.residential_days_per_1000"].Kind);
    }

    [Fact]
    public void AHiddenMunicipalityCannotBeHadFromItsRegionsDays()
    {
        var set = SetOf(Sample("Twente"));
        var published = new PublicationRules(40).Apply(set);
        var hidden = set.Relations.SelectMany(r => r.Members).Distinct().Where(k => !published.IsShown(k)).ToHashSet();
        Assert.Empty(SubtractionAudit.Determined(set.Relations, hidden.Contains));
        foreach (var f in set.Figures.Where(f => f.Kind == FigureKind.Share && published.IsShown(f.Key) && f.Value is not null))
            Assert.True(published.IsShown(f.Numerator!), $"{f.Key} is shown while its numerator is hidden");
    }

    [Fact]
    public void ASumRelationTakesCountsOrSumsOverYouthsButNeverAMix()
    {
        var set = new FigureSet().Count("n", 5).Statistic("days", 100, 12).Statistic("a", 60, 8).Statistic("b", 40, 4);
        set.Sum("days", "a", "b");
        Assert.Throws<InvalidOperationException>(() => set.Sum("days", "n"));
        Assert.Throws<InvalidOperationException>(() => new FigureSet().Share("s", 0.5, "x", "y").Sum("s"));
    }

    [Fact]
    public void ATrendYearThatIsTheBaselineKeepsItsKeysAndAddsNothingNew()
    {
        var m = Sample();
        var set = SetOf(m);
        var before = set.Figures.Count;
        TrendFigures.Add(set, "baseline", m, Outcome.TwoRegions);
        Assert.Equal(before, set.Figures.Count);
        TrendFigures.Add(set, TrendFigures.Prefix(2020), m, Outcome.TwoRegions);
        Assert.True(set.Contains("trend.2020.counts.youths"));
        Assert.True(set.Contains("trend.2020.outcomes.residential_days_per_1000"));
    }

    [Theory]
    [InlineData("counts.youths", -3, Judgement.Better)]
    [InlineData("counts.youths", 3, Judgement.Worse)]
    [InlineData("entry_cohort.km_median_days", 10, Judgement.Worse)]
    [InlineData("outcomes.rom.SDQ.ouder.improved_share", 0.1, Judgement.Better)]
    [InlineData("outcomes.rom.SDQ.ouder.deteriorated_share", 0.1, Judgement.Worse)]
    [InlineData("counts.exited_in_period", 10, Judgement.Neutral)]
    public void WorseIsNeverCalledBetter(string key, double change, Judgement expected) =>
        Assert.Equal(expected, Desirability.Of(key, change));
}
