using Monitor.Core.Publication;

namespace Monitor.Reporting.Report;

/// <summary>Section 1: three to five key messages in plain words, chosen from the published figures (<see cref="KeyMessages"/>).</summary>
internal sealed partial class ReportBuilder
{
    private Section Summary()
    {
        var warnings = Baseline.Warnings.Count + Followup.Warnings.Count;
        var messages = KeyMessages.Select(V.Published, new SummaryContext(OneAsOf, warnings));
        var lines = messages.Select(m => new SummaryLine(Sentence(m), m)).ToList();
        return new Section("samenvatting", W["summary.title"], [P("summary.intro", ("scope", ScopeInSentence)), new SummaryBlock(lines)]);
    }

    /// <summary>A message in words; every number in it is a published figure it cites.</summary>
    internal string Sentence(KeyMessage m)
    {
        if (m.IsCaveat)
        {
            return m.Name == "caveat.chance"
                ? W.F("summary." + m.Name, ("p", V.Text(m.Keys[0], Unit.Number, 2)))
                : W.F("summary." + m.Name, ("t", V.Threshold));
        }
        var (unit, decimals) = UnitOf(m.Name);
        var change = m.Keys[2];
        var changeText = change.StartsWith("change_percent.", StringComparison.Ordinal)
            ? V.Text(change, Unit.Share, 0, signed: true)
            : V.Text(change, unit, decimals, signed: true);
        var direction = W["summary.direction." + (m.Direction switch { < 0 => "down", > 0 => "up", _ => "same" })];
        var judgement = W["summary.judgement." + m.Judgement.ToString().ToLowerInvariant()];
        return W.F("summary.change." + m.Name, ("direction", direction), ("from", V.Text(m.Keys[0], unit, decimals)), ("to", V.Text(m.Keys[1], unit, decimals)),
            ("change", changeText), ("baseline", PeriodText(Baseline.Period)), ("followup", PeriodText(Followup.Period)), ("judgement", judgement)).TrimEnd();
    }
}
