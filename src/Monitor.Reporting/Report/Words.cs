using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Monitor.Core.Formatting;

namespace Monitor.Reporting.Report;

/// <summary>
/// Every word a reader of the report sees, from one resource file per language (<c>Report/Text/nl.json</c>,
/// <c>en.json</c>, embedded in the assembly): named texts with named placeholders (<c>{year}</c>), so that
/// an editor can correct the wording without touching code. A name the file lacks, or a placeholder left
/// unfilled, is an error, not a blank in a published report.
/// </summary>
public sealed class Words
{
    private static readonly ConcurrentDictionary<Language, Words> Loaded = new();
    private readonly IReadOnlyDictionary<string, string> _texts;

    private Words(Language language, IReadOnlyDictionary<string, string> texts) => (Language, _texts) = (language, texts);

    public Language Language { get; }

    public static Words For(Language language) => Loaded.GetOrAdd(language, l => new Words(l, Load(l)));

    /// <summary>The names of every text of a language file, for the test that both files say the same things.</summary>
    public IEnumerable<string> Names => _texts.Keys;

    public bool Has(string name) => _texts.ContainsKey(name);

    /// <summary>The text as the file has it, placeholders and all (for tests and editors' tools).</summary>
    public string Raw(string name) => _texts[name];

    /// <summary>The text called <paramref name="name"/>, without placeholders.</summary>
    public string this[string name] => Fill(name, []);

    /// <summary>The text called <paramref name="name"/> with its placeholders filled: <c>W.F("x", ("year", 2020))</c>.</summary>
    public string F(string name, params (string Name, object? Value)[] values) => Fill(name, values);

    private string Fill(string name, (string Name, object? Value)[] values)
    {
        if (!_texts.TryGetValue(name, out var text))
            throw new KeyNotFoundException($"the {Language} words file has no text '{name}'");
        if (values.Length == 0 && !text.Contains('{')) return text;
        var result = new StringBuilder(text.Length + 32);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '{')
            {
                result.Append(text[i]);
                continue;
            }
            var close = text.IndexOf('}', i);
            if (close < 0) throw new FormatException($"text '{name}' has an unclosed placeholder");
            var placeholder = text[(i + 1)..close];
            var found = false;
            foreach (var (n, v) in values)
            {
                if (n != placeholder) continue;
                result.Append(Convert.ToString(v, CultureInfo.InvariantCulture));
                found = true;
                break;
            }
            if (!found) throw new FormatException($"text '{name}' needs a value for {{{placeholder}}}");
            i = close;
        }
        return result.ToString();
    }

    private static Dictionary<string, string> Load(Language language)
    {
        var resource = $"Monitor.Reporting.Text.{(language == Language.Dutch ? "nl" : "en")}.json";
        using var stream = typeof(Words).Assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"the words file {resource} is not in the assembly");
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(document.RootElement, "", texts);
        return texts;
    }

    /// <summary>The file may group texts in objects: <c>{"summary": {"title": "…"}}</c> is the text <c>summary.title</c>.</summary>
    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string> texts)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object) Flatten(property.Value, name, texts);
            else texts[name] = property.Value.GetString() ?? throw new FormatException($"text '{name}' is not a string");
        }
    }
}
