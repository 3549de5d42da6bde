using Monitor.Core.Domain;

namespace Monitor.Reporting.Report;

/// <summary>The colophon: made when, by which version, with which parameters, each source's coverage date, and whom to ask.</summary>
internal sealed partial class ReportBuilder
{
    private Section Colophon()
    {
        var options = Input.Options;
        var made = DateOnly.FromDateTime(Input.GeneratedAt.UtcDateTime);
        var blocks = new List<Block>
        {
            P("colophon.made", ("date", V.Date(made)), ("version", options.ProductVersion)),
            new DefinitionsBlock(
            [
                (W["colophon.baseline"], PeriodText(Baseline.Period) + " — " + W.F("colophon.asof", ("date", V.Date(Baseline.AsOf)))),
                (W["colophon.followup"], PeriodText(Followup.Period) + " — " + W.F("colophon.asof", ("date", V.Date(Followup.AsOf)))),
                (W["colophon.window"], Main.WindowDays is { } days ? W.F("colophon.window_days", ("days", days)) : W["colophon.one_asof"]),
                (W["colophon.gap"], W.F("colophon.gap_days", ("gap", Baseline.GapDays))),
                (W["colophon.set"], string.Join(", ", Baseline.ResidentialSet.Select(t => W["caretype." + t.Word()]))),
                (W["colophon.region"], options.RegionB is null ? Baseline.Region ?? W["scope.all_regions"] : $"{options.RegionA}, {options.RegionB}"),
                (W["colophon.top_n"], Baseline.Duration.TopN.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (W["colophon.threshold"], W.F("colophon.threshold_value", ("t", V.Threshold))),
            ]),
            new SubHeading(W["colophon.sources"]),
        };
        var sources = Input.Lineage.Where(f => f.CoverageDate is not null && f.Status == "imported").ToList();
        blocks.Add(sources.Count == 0
            ? P("colophon.no_sources")
            : new ListBlock(sources.Select(f => W.F("colophon.source", ("file", Path.GetFileName(f.File)), ("date", V.Date(f.CoverageDate!.Value)))).ToList()));
        blocks.Add(options.Contact is { Length: > 0 } contact ? P("colophon.contact", ("contact", contact)) : P("colophon.no_contact"));
        blocks.Add(P("colophon.files"));
        return new Section("colofon", W["colophon.title"], blocks);
    }
}
