using Monitor.Core.Formatting;
using Monitor.Reporting.Report;

namespace Monitor.Reporting.Charts;

/// <summary>
/// The sentence under a chart that says what it leaves out. PROTOCOL.md 8: a hidden value is "niet
/// getekend" and never "op nul"; a missing one has "geen waarde". Both name the series and the place.
/// </summary>
public static class ChartCaption
{
    /// <param name="hiddenReason">Why hidden values are hidden, e.g. "minder dan 10".</param>
    public static string LeftOutNote(IChart chart, Language language, string hiddenReason)
    {
        var w = Words.For(language);
        var all = chart.LeftOut.ToList();
        var parts = new List<string>();
        var hidden = all.Where(l => l.Hidden).ToList();
        var missing = all.Where(l => !l.Hidden).ToList();
        if (hidden.Count > 0)
        {
            parts.Add(w.F("chart.left_out.hidden", ("reason", hiddenReason), ("list", List(hidden, w))));
        }
        if (missing.Count > 0)
        {
            parts.Add(w.F("chart.left_out.missing", ("list", List(missing, w))));
        }
        return string.Join(" ", parts);
    }

    /// <summary>"Nulmeting bij 3–6 maanden en 1–2 jaar; Vervolgmeting bij > 3 jaar": grouped by series, in order.</summary>
    private static string List(IReadOnlyList<LeftOut> items, Words w) =>
        string.Join("; ", items.GroupBy(i => i.Series).Select(g =>
        {
            var places = g.Select(i => i.Where).Where(where => where.Length > 0).Distinct().ToList();
            if (places.Count == 0) return g.Key;
            var joined = places.Count == 1 ? places[0]
                : w.F("chart.left_out.and", ("first", string.Join(", ", places.Take(places.Count - 1))), ("last", places[^1]));
            return w.F("chart.left_out.place", ("series", g.Key), ("places", joined));
        }));
}
