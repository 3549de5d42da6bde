using System.Globalization;
using System.Xml.Linq;

namespace Monitor.Core.Tests.Charts;

/// <summary>Reads rendered charts back, so tests can check structure and geometry rather than strings.</summary>
internal static class SvgTestHelpers
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XDocument Parse(string svg) => XDocument.Parse(svg);

    /// <summary>All elements with this class attribute.</summary>
    public static List<XElement> WithClass(XDocument doc, string cssClass) =>
        doc.Descendants().Where(e => (string?)e.Attribute("class") == cssClass).ToList();

    public static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    /// <summary>The points of a path written by PathData (absolute M/L only).</summary>
    public static List<(double X, double Y)> PathPoints(string d)
    {
        var parts = d.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var points = new List<(double, double)>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] is "M" or "L")
            {
                points.Add((double.Parse(parts[i + 1], CultureInfo.InvariantCulture), double.Parse(parts[i + 2], CultureInfo.InvariantCulture)));
                i += 2;
            }
        }
        return points;
    }

    /// <summary>Rounds like SvgWriter does, so an expected pixel can be compared exactly.</summary>
    public static double Px(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
