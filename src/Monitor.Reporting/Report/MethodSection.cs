using Monitor.Core.Domain;
using Monitor.Core.Formatting;
using Monitor.Core.Measurements;

namespace Monitor.Reporting.Report;

/// <summary>Section 6, methode: every definition, the parameters, the tests in plain words, the known
/// limits, and where the data came from.</summary>
internal static class MethodSection
{
    public static void Write(ReportContext context)
    {
        var main = context.Input.Main;
        var m = main.Baseline;
        context.Heading("methode", context.L("6. Methode en verantwoording", "6. Method"));

        context.SubHeading(context.L("Begrippen", "Definitions"));
        var definitions = new (string Dutch, string DutchText, string English, string EnglishText)[]
        {
            ("Verblijfsepisode", $"Een aaneengesloten verblijf van één jeugdige: verblijfsregels van één of meer aanbieders, samengevoegd zolang er niet meer dan {m.GapDays} dagen zonder verblijf tussen zitten (tussendagen).",
                "Stay episode", $"One youth's continuous stay: residential segments of one or more providers, merged as long as no more than {m.GapDays} days without residential care lie between them (gap days)."),
            ("Verblijf", "De zorgsoorten " + string.Join(", ", m.ResidentialSet.Select(t => t.Word())) + ". Pleegzorg en kortdurend verblijf tellen niet mee, tenzij anders ingesteld.",
                "Residential care", "The care types " + string.Join(", ", m.ResidentialSet.Select(t => t.Word())) + ". Foster care and respite do not count unless configured."),
            ("Peildatum", $"De dag waarop de gegevens gelezen worden (hier: {context.AsOfText(main)}). Latere verblijfsregels tellen niet mee; een verblijf zonder einde, of met een einde na de peildatum, loopt nog.",
                "As-of date", $"The day the data is read at (here: {context.AsOfText(main)}). Later segments are ignored; a stay without an end, or ending after the as-of date, still runs."),
            ("Voorraad", "Alle verblijfsepisodes die in de periode op enig moment liepen.", "Stock", "Every stay episode running at some moment in the period."),
            ("Uitstroom", "Episodes die in de periode eindigden.", "Exits", "Episodes that ended in the period."),
            ("Instroom", "Episodes die in de periode begonnen.", "Entries", "Episodes that began in the period."),
            ("Verblijfsduur", "Van de eerste tot en met de laatste dag (beide dagen tellen, zoals gedeclareerd), of tot de peildatum als het verblijf nog loopt.",
                "Length of stay", "From the first to the last day, both counted (as billed), or to the as-of date when the stay still runs."),
            ("Aanbieders per episode", "Het aantal verschillende aanbieders dat binnen de episode verblijf bood.", "Providers per episode", "The number of different providers that gave residential care within the episode."),
            ("Betrokken aanbieders", "Aanbieders met zorg van elke soort (ook ambulant) die in de tijd met het verblijf samenvalt.", "Providers involved", "Providers with care of any kind (ambulant too) overlapping the stay in time."),
            ("Overplaatsing", "Een wisseling van de aanbieder die verantwoordelijk is voor het verblijf (dag voor dag bepaald).", "Placement move", "A change of the provider responsible for the stay (decided day by day)."),
            ("Kosten", "Het gedeclareerde bedrag van elke verblijfsregel, of, zonder bedrag, de dagen maal het tarief van dat jaar.", "Cost", "The billed amount of each segment or, without one, its days times that year's tariff."),
            ("12 jaar of jonger", "Leeftijd op het begin van de eerste episode in de periode, of op de eerste dag van de periode als die later is.", "Aged 12 or younger", "Age at the start of the first episode in the period, or at the period's first day when that is later."),
            ("Verblijfsdagen in de periode", "De dagen van de verblijfsepisodes van de voorraad die binnen de periode vallen, tot de peildatum; per 1.000 jeugdigen van 0–17 jaar in het gebied (bevolking van het eerste jaar van de periode).",
                "Residential days in the period", "The days of the stock's episodes that fall inside the period, up to the as-of date; per 1,000 youths aged 0–17 in the area (population of the period's first year)."),
            ("Instroom, uitstroom, stand", "Per kwartaal: episodes die begonnen, episodes die eindigden, en episodes die op de laatste dag van het kwartaal liepen.",
                "Entries, exits, stock", "Per quarter: episodes that began, episodes that ended, and episodes running on the quarter's last day."),
            ("Crisis", "Verblijfsregels met zorgsoort crisis die in de periode begonnen, per 100 jeugdigen van de voorraad; uit CBS-gegevens de trajecten met 'gestart met crisis = J'.",
                "Crisis", "Segments of care type crisis that started in the period, per 100 youths of the stock; from CBS data, trajectories with 'started as a crisis = J'."),
            ("Uitval", "Van de CBS-trajecten van verblijf die in de periode eindigden en een reden hebben: het aandeel dat voortijdig eindigde (reden voortijdig, tegenover volgens plan). Een overstap naar een andere aanbieder (iJw 38) is geen einde.",
                "Premature ending", "Of the CBS residential trajectories that ended in the period with a reason: the share that ended prematurely (against as planned). A transfer to another provider (iJw 38) is not an ending."),
            ("Kaplan–Meier", "Schat het aandeel verblijven dat na t dagen nog loopt, waarbij verblijven die op de peildatum nog lopen tot die dag meetellen. Kwartiel q: de eerste dag waarop het aandeel tot 1 − q gedaald is.",
                "Kaplan–Meier", "Estimates the share of stays still running after t days, counting stays still running at the as-of date up to that day. Quartile q: the first day on which the share has fallen to 1 − q."),
        };
        context.Line("<dl>");
        foreach (var d in definitions)
            context.Line($"<dt>{ReportContext.Encode(context.L(d.Dutch, d.English))}</dt><dd>{ReportContext.Encode(context.L(d.DutchText, d.EnglishText))}</dd>");
        context.Line("</dl>");

        context.SubHeading(context.L("Instellingen", "Parameters"));
        var options = context.Input.Options;
        context.Table("instellingen", context.L("Instellingen van deze rapportage", "Parameters of this report"), [context.L("Instelling", "Parameter"), context.L("Waarde", "Value")],
        [
            [context.L("Nulmeting", "Baseline"), $"{m.Period.From:yyyy-MM-dd} – {m.Period.To:yyyy-MM-dd}"],
            [context.L("Vervolgmeting", "Follow-up"), $"{main.Followup.Period.From:yyyy-MM-dd} – {main.Followup.Period.To:yyyy-MM-dd}"],
            [context.L("Peildatum nulmeting", "As-of date, baseline"), m.AsOf.ToString("yyyy-MM-dd")],
            [context.L("Peildatum vervolgmeting", "As-of date, follow-up"), main.Followup.AsOf.ToString("yyyy-MM-dd")],
            [context.L("Volgperiode na elke periode", "Follow-up window after each period"), main.WindowDays is { } days ? days.ToString(System.Globalization.CultureInfo.InvariantCulture) + context.L(" dagen", " days") : context.L("geen: één peildatum", "none: one as-of date")],
            [context.L("Tussendagen", "Gap days"), m.GapDays.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            [context.L("Verblijf", "Residential set"), string.Join(", ", m.ResidentialSet.Select(t => t.Word()))],
            [context.L("Regio", "Region"), options.RegionB is null ? m.Region ?? context.L("alle", "all") : $"{options.RegionA} / {options.RegionB}"],
            [context.L("Langste verblijven (N)", "Longest stays (N)"), m.Duration.TopN.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            [context.L("Kleine aantallen verborgen onder", "Small numbers hidden below"), context.Suppression.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        ], textColumns: new HashSet<int> { 1 });

        context.SubHeading(context.L("Statistische toetsen", "Statistical tests"));
        TestReading(context, main, context.L("de nulmeting", "the baseline"), context.L("de vervolgmeting", "the follow-up"));
        context.Paragraph(context.L(
            "Beide toetsen zijn hulpmiddelen om te beschrijven. De Mann–Whitney-toets vergelijkt de uitstroom, die korte verblijven zwaarder laat meetellen, en een jeugdige kan in beide metingen voorkomen; de log-rank-toets op de instroom is de zuiverste. " +
            "Een verschil, ook een dat niet op toeval lijkt te berusten, zegt nog niet wat het veroorzaakte.",
            "Both tests are descriptive aids. The Mann–Whitney test compares the exits, which favour short stays, and a youth may be in both measurements; the log-rank test on the entries is the sounder one. " +
            "A difference, even one unlikely to be chance, does not say what caused it."));

        context.SubHeading(context.L("Voorraad, uitstroom en instroom", "Stock, exits and entries"));
        context.Paragraph(context.L(
            "Wie de voorraad meet (iedereen die in de periode op enig moment in verblijf was) trekt vaker lange verblijven: een verblijf van drie jaar valt in elke periode die het raakt, een verblijf van een week zelden. " +
            "De gemiddelde duur van de voorraad ligt daardoor hoger dan die van een nieuw verblijf, en die van de uitstroom lager. De kinderbeschermingsliteratuur meet verblijfsduur daarom aan de instroom, met Kaplan–Meier (zoals Californië's CCWIP en de Amerikaanse federale CFSR-maten); dit rapport toont alle drie naast elkaar.",
            "Measuring the stock (everyone in care at some moment in the period) over-samples long stays: a three-year stay falls in every period it touches, a one-week stay rarely. " +
            "The stock's mean duration is therefore higher than that of a new stay, and the exits' lower. Child-welfare research measures length of stay on entry cohorts with Kaplan–Meier (as California's CCWIP and the US federal CFSR measures do); this report shows all three side by side."));

        context.SubHeading(context.L("Verschil met CBS StatLine", "Difference from CBS StatLine"));
        context.Paragraph(context.L(
            "Deze aantallen zijn niet de \"jeugdhulp met verblijf\" van CBS StatLine: het CBS telt ook pleegzorg en kortdurend verblijf, en telt trajecten, niet samengevoegde verblijfsepisodes. Een jeugdige met drie aanbieders achter elkaar is voor het CBS drie trajecten en hier één verblijf.",
            "These counts are not CBS StatLine's \"youth care with stay\": CBS counts foster care and respite too, and counts trajectories, not merged stay episodes. A youth with three providers in a row is three trajectories to CBS and one stay here."));

        context.SubHeading(context.L("Bekende beperkingen", "Known limits"));
        string[] limits = context.Dutch
            ?
            [
                "Verblijven die begonnen vóór het eerste extract lijken korter dan ze waren: hun begin ontbreekt.",
                "Crisis is in RIJM-gegevens een zorgsoort, in CBS-gegevens een kenmerk van een traject (gestart met crisis); CBS-trajecten tellen daarom niet als crisisverblijf.",
                "Een kortdurend verblijf (logeren) tussen twee plaatsingen telt niet als verblijf en kan een verblijf in tweeën splitsen als het langer duurt dan de tussendagen.",
                "Overplaatsingen worden geteld tussen aanbiederscodes (AGB): een verhuizing binnen één aanbieder is geen overplaatsing, een fusie of nieuwe code wel.",
                "De kosten per jeugdige tellen ook verblijven buiten de periode mee, ook die na de periode.",
                "Bedragen tellen zoals gedeclareerd, ook voor dagen na de peildatum; zonder bedrag en zonder tarief telt een verblijfsregel voor € 0.",
            ]
            :
            [
                "Stays that began before the first extract look shorter than they were: their start is missing.",
                "Crisis is a care type in RIJM data but a flag of a trajectory in CBS data (started as a crisis); CBS trajectories therefore never count as crisis stays.",
                "A respite stay between two placements is not residential care and splits a stay in two when it lasts longer than the gap days.",
                "Moves are counted between provider (AGB) codes: a move within one provider is no move, a merger or new code is.",
                "Per-youth costs include stays outside the period, also those after it.",
                "Amounts count as billed, also for days after the as-of date; a segment without an amount and without a tariff counts as € 0.",
            ];
        context.Line("<ul>" + string.Concat(limits.Select(l => $"<li>{ReportContext.Encode(l)}</li>")) + "</ul>");

        context.SubHeading(context.L("Herkomst van de gegevens", "Data lineage"));
        var lineage = context.Input.Lineage;
        context.Table("herkomst", context.L("Ingelezen bestanden", "Imported files"),
            [context.L("Bestand", "File"), context.L("Soort", "Format"), context.L("Ingelezen op", "Imported on"), context.L("Regels", "Rows"),
                context.L("Opgenomen", "Accepted"), context.L("Geweigerd", "Refused"), context.L("Dubbel", "Duplicate"), context.L("Status", "Status")],
            lineage.Select(f => (IReadOnlyList<string>)[Path.GetFileName(f.File), f.Format, f.ImportedAt.ToString("yyyy-MM-dd HH:mm"),
                NumberText.Integer(f.RowsRead, context.Language), NumberText.Integer(f.RowsAccepted, context.Language),
                NumberText.Integer(f.RowsRefused, context.Language), NumberText.Integer(f.RowsDuplicate, context.Language), f.Status]).ToList(),
            textColumns: new HashSet<int> { 1, 2, 7 });
        context.Paragraph(context.L(
            $"Geweigerde regels zijn niet meegeteld; ze staan met bestand, regel, kolom en reden in de quarantaine (monitor quarantine). " +
            $"{NumberText.Integer(context.Input.SegmentsWithoutAmount, context.Language)} verblijfsregels hadden geen bedrag en zijn waar mogelijk met een tarief berekend; " +
            $"in de nulmeting telden {NumberText.Integer(m.Cost.SegmentsWithoutCost, context.Language)} en in de vervolgmeting {NumberText.Integer(main.Followup.Cost.SegmentsWithoutCost, context.Language)} verblijfsregels zonder bedrag én zonder tarief voor € 0.",
            $"Refused rows are not counted; they are in the quarantine with file, line, column and reason (monitor quarantine). " +
            $"{NumberText.Integer(context.Input.SegmentsWithoutAmount, context.Language)} segments had no amount and were costed from a tariff where one exists; " +
            $"{NumberText.Integer(m.Cost.SegmentsWithoutCost, context.Language)} segments in the baseline and {NumberText.Integer(main.Followup.Cost.SegmentsWithoutCost, context.Language)} in the follow-up had neither and counted as € 0."));
    }

    /// <summary>The two tests with their figures and a reading in plain words.</summary>
    internal static void TestReading(ReportContext context, Comparison comparison, string first, string second)
    {
        var mw = comparison.DurationExited;
        var lr = comparison.EntryCohort;
        var exitsYouths = Math.Min(ReportContext.Youths(comparison.Baseline.Cohort.ExitedInPeriod), ReportContext.Youths(comparison.Followup.Cohort.ExitedInPeriod));
        var entryYouths = Math.Min(ReportContext.Youths(comparison.Baseline.Cohort.Entries), ReportContext.Youths(comparison.Followup.Cohort.Entries));
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { context.L("Mann–Whitney U, verblijfsduur van de uitstroom", "Mann–Whitney U, length of stay of the exits"),
                mw is { } m && context.Suppression.AllowsStatisticOver(exitsYouths) ? NumberText.Number(m.U, 1, context.Language) : "–",
                PValue(context, mw?.PValue, exitsYouths), Reading(context, mw?.PValue, exitsYouths, first, second, context.L("de verblijfsduur van wie uitstroomde", "the length of stay of those who left")) },
            new[] { context.L("Log-rank, verblijfsduur van de instroom", "Log-rank, length of stay of the entries"),
                lr is { } l && context.Suppression.AllowsStatisticOver(entryYouths) ? NumberText.Number(l.ChiSquare, 2, context.Language) : "–",
                PValue(context, lr?.PValue, entryYouths), Reading(context, lr?.PValue, entryYouths, first, second, context.L("hoe lang nieuwe verblijven duren", "how long new stays last")) },
        };
        context.Table($"toetsen-{context.Tables.Count}", context.L("Toetsen", "Tests"),
            [context.L("Toets", "Test"), context.L("Toetsgrootheid", "Statistic"), "p", context.L("Lezing", "Reading")], rows,
            ["tests.duration_exited", "tests.entry_cohort"], ["statistic", "p_value"], textColumns: new HashSet<int> { 3 });
    }

    private static string PValue(ReportContext context, double? p, int youths) =>
        p is { } v && context.Suppression.AllowsStatisticOver(youths) ? (v < 0.001 ? "< " + NumberText.Number(0.001, 3, context.Language) : NumberText.Number(v, 3, context.Language)) : "–";

    private static string Reading(ReportContext context, double? p, int youths, string first, string second, string what)
    {
        if (p is not { } v || !context.Suppression.AllowsStatisticOver(youths))
            return context.L("Niet te toetsen: te weinig gegevens.", "Cannot be tested: too little data.");
        return v < 0.05
            ? context.L($"Het verschil in {what} tussen {first} en {second} is waarschijnlijk geen toeval (p < 0,05).",
                $"The difference in {what} between {first} and {second} is unlikely to be chance (p < 0.05).")
            : context.L($"Het verschil in {what} tussen {first} en {second} kan goed toeval zijn.",
                $"The difference in {what} between {first} and {second} may well be chance.");
    }
}
