using System.Text.Json;

namespace Monitor.Integration.Tests.Support;

/// <summary>
/// Compares a document with an expected one as shared/examples/README.md says: every leaf of the expected
/// document; integers equal (5.0 == 5); other numbers within 0.01 or 1e-6 relative; null is null;
/// strings and dates equal; residential_set as a set. Extra keys are allowed, missing keys are not.
/// </summary>
public static class ExpectedJson
{
    private static readonly HashSet<string> IntegerKeys = ["top_n", "gap_days", "km_median_days", "km_q1_days", "km_q3_days", "protocol_version"];

    public static void AssertMatches(string expectedJson, string actualJson, params string[] ignoredKeys)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        var problems = new List<string>();
        Compare(expected.RootElement, actual.RootElement, "$", ignoredKeys.ToHashSet(), problems);
        Assert.True(problems.Count == 0, "Differences:\n" + string.Join("\n", problems));
    }

    private static void Compare(JsonElement e, JsonElement a, string path, HashSet<string> ignored, List<string> problems)
    {
        var key = path[(path.LastIndexOf('.') + 1)..];
        if (ignored.Contains(key)) return;
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                if (a.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{path}: expected an object, got {a.ValueKind}");
                    return;
                }
                foreach (var property in e.EnumerateObject())
                {
                    if (a.TryGetProperty(property.Name, out var actualValue)) Compare(property.Value, actualValue, $"{path}.{property.Name}", ignored, problems);
                    else problems.Add($"{path}.{property.Name}: missing");
                }
                break;
            case JsonValueKind.Array:
                if (a.ValueKind != JsonValueKind.Array || a.GetArrayLength() != e.GetArrayLength())
                {
                    problems.Add($"{path}: expected an array of {e.GetArrayLength()}, got {a}");
                    return;
                }
                if (key == "residential_set")
                {
                    var expectedSet = e.EnumerateArray().Select(x => x.GetString()).Order().ToList();
                    var actualSet = a.EnumerateArray().Select(x => x.GetString()).Order().ToList();
                    if (!expectedSet.SequenceEqual(actualSet)) problems.Add($"{path}: {e} vs {a}");
                    return;
                }
                var i = 0;
                foreach (var (x, y) in e.EnumerateArray().Zip(a.EnumerateArray())) Compare(x, y, $"{path}[{i++}]", ignored, problems);
                break;
            case JsonValueKind.Null:
                if (a.ValueKind != JsonValueKind.Null) problems.Add($"{path}: expected null, got {a}");
                break;
            case JsonValueKind.Number:
                if (a.ValueKind != JsonValueKind.Number)
                {
                    problems.Add($"{path}: expected {e}, got {a}");
                    return;
                }
                var (ev, av) = (e.GetDouble(), a.GetDouble());
                var isInteger = IntegerKeys.Contains(key) || path.Contains(".counts.") || key is "episodes" or "exited"
                                || key.StartsWith("rows_", StringComparison.Ordinal);
                var equal = isInteger ? ev == av : Math.Abs(ev - av) <= 0.01 || Math.Abs(ev - av) <= 1e-6 * Math.Max(Math.Abs(ev), Math.Abs(av));
                if (!equal) problems.Add($"{path}: expected {e}, got {a}");
                break;
            default:
                if (e.ToString() != a.ToString()) problems.Add($"{path}: expected {e}, got {a}");
                break;
        }
    }
}
