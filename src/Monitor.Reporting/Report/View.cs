using System.Globalization;
using Monitor.Core.Formatting;
using Monitor.Core.Publication;
using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Report;

/// <summary>
/// The published figures as a reader sees them: every table cell, chart value and sentence number goes through
/// here, so nothing a rule hides can be shown. A count of 1 to T−1 reads "&lt;T"; any other hidden figure the
/// one marker <see cref="HiddenMark"/>; a figure that has no value (a median never reached) <see cref="NoValueMark"/>,
/// as the CBS's "verklaring van tekens" has them.
/// </summary>
public sealed class View(Published published, Words words)
{
    /// <summary>Hidden for privacy (second cell of a sum, statistic over too few youths, a share or change of a hidden figure): CBS's "x", geheim.</summary>
    public const string HiddenMark = "x";

    /// <summary>No value exists: CBS's ".", gegevens ontbreken.</summary>
    public const string NoValueMark = ".";

    public Published Published { get; } = published;
    public Words W { get; } = words;
    public Language Language => W.Language;
    public int Threshold => Published.Threshold;
    public string SmallMark => "<" + Threshold.ToString(CultureInfo.InvariantCulture);

    public bool Has(string key) => Published.Set.Contains(key);

    public bool Shown(string key) => Has(key) && Published.IsShown(key);

    /// <summary>The value a reader may see, or null (hidden, missing, or no such figure).</summary>
    public double? Value(string key) => Has(key) ? Published[key].Value : null;

    /// <summary>A cell's text on the page.</summary>
    public string Text(Cell cell)
    {
        if (cell.Key is null) return cell.Text ?? "";
        if (cell.NoValueText is { } words && Shown(cell.Key) && Value(cell.Key) is null) return words;
        return Text(cell.Key, cell.Unit, cell.Decimals, cell.Signed);
    }

    public string Text(string key, Unit unit, int decimals = 0, bool signed = false)
    {
        if (!Has(key)) return NoValueMark;
        var f = Published[key];
        if (!f.Shown) return f.Hidden == Hidden.SmallCount ? SmallMark : HiddenMark;
        return f.Value is { } v ? Number(v, unit, decimals, signed) : NoValueMark;
    }

    /// <summary>The marker a file writes for a figure it has no number for, or null when it has one.</summary>
    public string? Marker(string key)
    {
        if (!Has(key)) return NoValueMark;
        var f = Published[key];
        if (!f.Shown) return f.Hidden == Hidden.SmallCount ? SmallMark : HiddenMark;
        return f.Value is null ? NoValueMark : null;
    }

    public string Number(double value, Unit unit, int decimals = 0, bool signed = false)
    {
        var text = unit switch
        {
            Unit.Count => NumberText.Number(value, 0, Language),
            Unit.Days => NumberText.Number(value, decimals, Language),
            Unit.Euro => NumberText.Euro(value, decimals, Language),
            Unit.Share => NumberText.Percent(value, decimals, Language),
            _ => NumberText.Number(value, decimals, Language),
        };
        if (!signed || Math.Round(value * (unit == Unit.Share ? 100 : 1), decimals) <= 0) return text;
        // The sign goes where NumberText puts a minus: after "€ " in Dutch ("€ +5"), before "€" in English ("+€5").
        return unit == Unit.Euro && Language == Language.Dutch ? text.Replace("€" + NumberText.EuroSpace, "€" + NumberText.EuroSpace + "+") : "+" + text;
    }

    /// <summary>A value as a chart may draw it: hidden values carry no number.</summary>
    public ChartValue Chart(string key)
    {
        if (!Has(key)) return ChartValue.Missing;
        var f = Published[key];
        return f.Shown ? ChartValue.Of(f.Value) : ChartValue.Hidden;
    }

    /// <summary>Whether a change is good or bad news, by the figure it is a change of.</summary>
    public Judgement Judge(string key) => Value(key) is { } v ? Desirability.Of(ProtocolKey(key), v) : Judgement.Neutral;

    private static readonly string[] Roots =
        ["counts.", "duration_days.", "providers.", "cost_eur.", "age.", "entry_cohort.", "entry_cohort_8plus.", "outcomes.", "duration_classes.",
            "providers_per_episode.", "moves_per_episode.", "municipalities.", "regions."];

    /// <summary>The figure's protocol key without the prefix that says which measurement it is of.</summary>
    public static string ProtocolKey(string key)
    {
        var best = -1;
        foreach (var root in Roots)
        {
            var at = key.IndexOf(root, StringComparison.Ordinal);
            if (at >= 0 && (at == 0 || key[at - 1] == '.') && (best < 0 || at < best)) best = at;
        }
        return best < 0 ? key : key[best..];
    }

    public string Date(DateOnly date) => DateText.Long(date, Language);

    public string Integer(long value) => NumberText.Integer(value, Language);
}
