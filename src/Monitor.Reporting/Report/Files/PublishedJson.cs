using System.Globalization;
using System.Text;
using System.Text.Json;
using Monitor.Core.Domain;
using Monitor.Core.Publication;

namespace Monitor.Reporting.Report.Files;

/// <summary>
/// <c>published.json</c> (PROTOCOL.md 8): every figure of the report exactly as published, keyed by the protocol's
/// keys under <c>"baseline"</c> and <c>"followup"</c> (and the product's own keys for the rest: <c>trend</c>,
/// <c>change</c>, <c>gap_days_N</c>, …), a hidden figure as <c>{"suppressed": true}</c>, a figure without a value
/// as <c>null</c>; with the threshold and the report's parameters. What a website or a second report takes over.
/// </summary>
public static class PublishedJson
{
    public static string Write(Published published, ReportInput input)
    {
        var root = new Node();
        foreach (var figure in published.All)
        {
            var parts = figure.Figure.Key.Split('.');
            var node = root;
            foreach (var part in parts[..^1])
            {
                if (node.Leaves.ContainsKey(part)) throw new InvalidOperationException($"'{figure.Figure.Key}' nests under a figure");
                node = node.Children.TryGetValue(part, out var child) ? child : node.Children[part] = new Node();
            }
            if (node.Children.ContainsKey(parts[^1])) throw new InvalidOperationException($"'{figure.Figure.Key}' is a figure and holds figures");
            node.Leaves[parts[^1]] = figure;
        }

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            var main = input.Main;
            w.WriteStartObject();
            w.WriteNumber("protocol_version", Json.JsonDocuments.ProtocolVersion);
            w.WriteNumber("threshold", published.Threshold);
            w.WriteStartObject("parameters");
            foreach (var (name, m) in new[] { ("baseline", main.Baseline), ("followup", main.Followup) })
            {
                w.WriteStartObject(name);
                w.WriteString("from", Date(m.Period.From));
                w.WriteString("to", Date(m.Period.To));
                w.WriteString("as_of", Date(m.AsOf));
                w.WriteEndObject();
            }
            if (main.WindowDays is { } days) w.WriteNumber("window_days", days);
            else w.WriteNull("window_days");
            w.WriteNumber("gap_days", main.Baseline.GapDays);
            w.WriteStartArray("residential_set");
            foreach (var t in main.Baseline.ResidentialSet) w.WriteStringValue(t.Word());
            w.WriteEndArray();
            if (input.Options.RegionB is null)
            {
                if (main.Baseline.Region is { } region) w.WriteString("region", region);
                else w.WriteNull("region");
                w.WriteNull("regions");
            }
            else
            {
                w.WriteString("region", input.Options.RegionA);
                w.WriteStartArray("regions");
                w.WriteStringValue(input.Options.RegionA);
                w.WriteStringValue(input.Options.RegionB);
                w.WriteEndArray();
            }
            w.WriteNumber("top_n", main.Baseline.Duration.TopN);
            w.WriteNumber("trend_window_days", input.Options.TrendWindowDays);
            w.WriteStartArray("trend_years");
            foreach (var m in input.Trend) w.WriteNumberValue(m.Period.From.Year);
            w.WriteEndArray();
            w.WriteEndObject();
            WriteNode(w, root);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteNode(Utf8JsonWriter w, Node node)
    {
        foreach (var (name, figure) in node.Leaves)
        {
            w.WritePropertyName(name);
            if (!figure.Shown)
            {
                w.WriteStartObject();
                w.WriteBoolean("suppressed", true);
                w.WriteEndObject();
            }
            else if (figure.Value is { } v) w.WriteNumberValue(v);
            else w.WriteNullValue();
        }
        foreach (var (name, child) in node.Children)
        {
            w.WriteStartObject(name);
            WriteNode(w, child);
            w.WriteEndObject();
        }
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class Node
    {
        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, PublishedFigure> Leaves { get; } = new(StringComparer.Ordinal);
    }
}
