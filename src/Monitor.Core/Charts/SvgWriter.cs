using System.Globalization;
using System.Text;

namespace Monitor.Core.Charts;

/// <summary>
/// A tiny builder for SVG text: elements nest, attribute values and text are XML-escaped, and
/// numbers are written the same way on every machine and every run.
/// </summary>
/// <remarks>
/// Attribute values may be string (escaped), double (see <see cref="Number"/>), int, or null
/// (the attribute is left out). Lines end in "\n" on every platform so output is byte-identical.
/// </remarks>
public sealed class SvgWriter
{
    private readonly StringBuilder text = new();
    private readonly Stack<string> open = new();

    /// <summary>Writes a start tag; pair with <see cref="Close"/>.</summary>
    public SvgWriter Open(string name, params ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        StartTag(name, attributes);
        text.Append(">\n");
        open.Push(name);
        return this;
    }

    /// <summary>Closes the element opened last.</summary>
    public SvgWriter Close()
    {
        if (open.Count == 0)
        {
            throw new InvalidOperationException("No element is open.");
        }
        var name = open.Pop();
        Indent();
        text.Append("</").Append(name).Append(">\n");
        return this;
    }

    /// <summary>Writes an element without content: &lt;rect … /&gt;.</summary>
    public SvgWriter Element(string name, params ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        StartTag(name, attributes);
        text.Append("/>\n");
        return this;
    }

    /// <summary>Writes an element holding escaped text: &lt;text …&gt;content&lt;/text&gt;.</summary>
    public SvgWriter Text(string name, string content, params ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        StartTag(name, attributes);
        text.Append('>').Append(Escape(content)).Append("</").Append(name).Append(">\n");
        return this;
    }

    /// <summary>The finished document; all elements must be closed.</summary>
    public override string ToString() =>
        open.Count == 0 ? text.ToString() : throw new InvalidOperationException($"Element <{open.Peek()}> is still open.");

    /// <summary>
    /// A number for SVG: invariant culture, at most two decimals (a hundredth of a pixel is
    /// invisible, and fewer digits keep files small and diffs stable), no trailing zeros, never "-0".
    /// Throws on NaN and infinity, so they can never reach a chart.
    /// </summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "SVG output must not contain NaN or infinity.");
        }
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return rounded == 0 ? "0" : rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Escapes text for XML content and double-quoted attributes. Characters XML 1.0 forbids
    /// (control characters, unpaired surrogates) become U+FFFD, so any label from the data still
    /// yields a well-formed document.
    /// </summary>
    public static string Escape(string value)
    {
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '&': result.Append("&amp;"); break;
                case '<': result.Append("&lt;"); break;
                case '>': result.Append("&gt;"); break;
                case '"': result.Append("&quot;"); break;
                case '\t' or '\n' or '\r': result.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': result.Append('\uFFFD'); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        result.Append(c).Append(value[++i]);
                    }
                    else
                    {
                        result.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                    }
                    break;
            }
        }
        return result.ToString();
    }

    private void StartTag(string name, ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        Indent();
        text.Append('<').Append(name);
        foreach (var (key, value) in attributes)
        {
            var written = value switch
            {
                null => null,
                string s => Escape(s),
                double d => Number(d),
                int n => n.ToString(CultureInfo.InvariantCulture),
                _ => throw new ArgumentException($"Attribute {key} has unsupported type {value.GetType().Name}.", nameof(attributes)),
            };
            if (written is not null)
            {
                text.Append(' ').Append(key).Append("=\"").Append(written).Append('"');
            }
        }
    }

    private void Indent() => text.Append(' ', 2 * open.Count);
}
