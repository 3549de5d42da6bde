using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Monitor.Reporting.Charts;

/// <summary>
/// Makes ScottPlot's SVG fit for a page that inlines many charts and for screen readers. ScottPlot 5.1.59
/// writes no &lt;title&gt;, &lt;desc&gt;, role or viewBox and has no API for them, and its clipPath ids
/// come from a process-wide counter: two inlined charts could share an id, and the same chart would get
/// other ids in another run.
/// </summary>
internal static partial class SvgFinisher
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <summary>Fonts a browser tries when DejaVu Sans is not installed: Verdana is as wide, so labels still fit.</summary>
    public const string FontFamily = ChartFonts.Family + ", Verdana, sans-serif";

    public static string Finish(string svg, string prefix, ChartText text, int width, int height, IReadOnlyList<SvgDash>? dashes = null)
    {
        var document = XDocument.Parse(svg);
        var root = document.Root ?? throw new InvalidOperationException("ScottPlot wrote an SVG without a root element");
        RenameIds(root, prefix);
        foreach (var dash in dashes ?? [])
        {
            foreach (var path in root.Descendants().Where(e => dash.Matches((string?)e.Attribute("stroke"), (string?)e.Attribute("stroke-width"))))
                path.SetAttributeValue("stroke-dasharray", dash.Array);
        }

        foreach (var element in root.Descendants(Svg + "text"))
        {
            // Skia writes one x (and y) per glyph with a trailing ", ", which is not a valid list: browsers
            // then drop the attribute and the label slides off its place.
            foreach (var name in new[] { "x", "y" })
            {
                if (element.Attribute(name) is { } list) list.Value = list.Value.Trim().TrimEnd(',').Trim();
            }
            if (element.Attribute("font-family") is { } family) family.Value = FontFamily;
            if (!element.HasElements) element.Value = element.Value.Trim();
        }
        foreach (var empty in root.Descendants(Svg + "defs").Where(d => !d.HasElements && !d.HasAttributes).ToList()) empty.Remove();
        if (!root.Descendants().Attributes().Any(a => a.Name.Namespace == XLink))
        {
            root.Attributes().Where(a => a.IsNamespaceDeclaration && a.Value == XLink.NamespaceName).Remove();
        }

        root.SetAttributeValue("width", width.ToString(CultureInfo.InvariantCulture));
        root.SetAttributeValue("height", height.ToString(CultureInfo.InvariantCulture));
        root.SetAttributeValue("viewBox", $"0 0 {width.ToString(CultureInfo.InvariantCulture)} {height.ToString(CultureInfo.InvariantCulture)}");
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-labelledby", $"{prefix}-title {prefix}-desc");
        root.AddFirst(
            new XElement(Svg + "title", new XAttribute("id", $"{prefix}-title"), text.Title),
            new XElement(Svg + "desc", new XAttribute("id", $"{prefix}-desc"), text.Description));
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Every id becomes PREFIX-1, PREFIX-2 … in document order, and every reference follows.</summary>
    private static void RenameIds(XElement root, string prefix)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in root.DescendantsAndSelf().Select(e => e.Attribute("id")).OfType<XAttribute>())
        {
            names[id.Value] = $"{prefix}-{names.Count + 1}";
            id.Value = names[id.Value];
        }
        if (names.Count == 0) return;
        foreach (var attribute in root.DescendantsAndSelf().Attributes().Where(a => a.Name != "id"))
        {
            var value = attribute.Value;
            if (value.StartsWith('#') && names.TryGetValue(value[1..], out var target))
            {
                attribute.Value = "#" + target;
            }
            else if (value.Contains("url(#", StringComparison.Ordinal))
            {
                attribute.Value = UrlReference().Replace(value, m => names.TryGetValue(m.Groups[1].Value, out var t) ? $"url(#{t})" : m.Value);
            }
        }
    }

    /// <summary>Skia names a few colours instead of writing their hex.</summary>
    internal static string Hex(string colour) => colour.ToLowerInvariant() switch
    {
        "black" => "#000000",
        "white" => "#FFFFFF",
        _ => colour.ToUpperInvariant(),
    };

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();
}

/// <summary>A dashed line as the SVG must show it: the paths of this stroke colour and width get this dash array.</summary>
internal sealed record SvgDash(string Color, float Width, string Array)
{
    public bool Matches(string? stroke, string? strokeWidth) =>
        stroke is not null && strokeWidth is not null && SvgFinisher.Hex(stroke) == Color
        && float.TryParse(strokeWidth, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && Math.Abs(w - Width) < 0.01;
}
