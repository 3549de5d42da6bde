using System.Text;

namespace Monitor.Reporting.Csv;

/// <summary>
/// Writes comma-separated tables for researchers: RFC 4180 quoting, invariant numbers (decimal point),
/// ISO dates, LF line ends, UTF-8 without BOM. Small enough not to need a library. The report's Dutch
/// tables use <c>;</c>, as Dutch spreadsheets expect next to decimal commas.
/// </summary>
public sealed class CsvText(TextWriter writer, char separator = ',')
{
    public void Row(params object?[] cells) => Row((IEnumerable<object?>)cells);

    public void Row(IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) writer.Write(separator);
            first = false;
            writer.Write(Quote(Format(cell)));
        }
        writer.Write('\n');
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private string Quote(string text)
    {
        if (text.AsSpan().IndexOfAny(separator, '"', '\n') < 0 && !text.Contains('\r')) return text;
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text) quoted.Append(c == '"' ? "\"\"" : c);
        return quoted.Append('"').ToString();
    }
}
