using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Monitor.Core.Checks;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;

namespace Monitor.Jobs;

/// <summary>
/// Reads and checks pipeline files (pipelines/README.md). Everything that can be checked before a run is
/// checked here — JSON, fields, cron expression, time zone, steps, the inbox folder — and every problem is
/// reported with its file and field, so the scheduler never starts half-configured. Unknown fields are
/// refused too: a misspelt <c>"crom"</c> would otherwise be a default nobody chose.
/// </summary>
public static partial class PipelineLoader
{
    public const string DefaultTimeZone = "Europe/Amsterdam";

    private static readonly JsonDocumentOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The pipeline <paramref name="name"/>: the file <c>NAME.json</c> in <paramref name="folder"/>.</summary>
    /// <exception cref="PipelineDefinitionException">It does not exist or cannot be used.</exception>
    public static PipelineDefinition Load(string folder, string name, PipelineSteps steps)
    {
        CheckFolder(folder);
        var file = Path.Combine(folder, name + ".json");
        if (!NamePattern().IsMatch(name) || !File.Exists(file))
        {
            var known = Directory.GetFiles(folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
            throw Refused(folder, "", $"no pipeline '{name}' here ({(known.Count == 0 ? "no pipeline files" : "known: " + string.Join(", ", known))})");
        }
        return LoadFile(file, steps);
    }

    /// <summary>Every pipeline file (<c>*.json</c>) in <paramref name="folder"/>, all of them checked.</summary>
    /// <exception cref="PipelineDefinitionException">Any of them cannot be used: every problem of every file is listed.</exception>
    public static IReadOnlyList<PipelineDefinition> LoadAll(string folder, PipelineSteps steps)
    {
        var (pipelines, problems) = LoadEach(folder, steps);
        if (problems.Count > 0) throw new PipelineDefinitionException(problems);
        return pipelines;
    }

    /// <summary>
    /// Every pipeline file in <paramref name="folder"/> that can be used, and the problems of those that cannot:
    /// for <c>jobs health</c> and the dashboard, where one broken file must not hide how the others are doing.
    /// </summary>
    /// <exception cref="PipelineDefinitionException">The folder itself does not exist.</exception>
    public static (IReadOnlyList<PipelineDefinition> Pipelines, IReadOnlyList<PipelineProblem> Problems) LoadEach(string folder, PipelineSteps steps)
    {
        CheckFolder(folder);
        var pipelines = new List<PipelineDefinition>();
        var problems = new List<PipelineProblem>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                pipelines.Add(LoadFile(file, steps));
            }
            catch (PipelineDefinitionException e)
            {
                problems.AddRange(e.Problems);
            }
        }
        // Two pipelines moving files out of one inbox would race each other for them.
        foreach (var shared in pipelines.Where(p => p.Enabled && p.Inbox is not null).GroupBy(p => p.Inbox!.Folder).Where(g => g.Count() > 1).ToList())
        {
            problems.Add(new PipelineProblem(shared.Last().File, "inbox.folder",
                $"{shared.Key} is also the inbox of {string.Join(", ", shared.SkipLast(1).Select(p => p.Name))}: give each enabled pipeline its own inbox"));
            pipelines.Remove(shared.Last());
        }
        return (pipelines, problems);
    }

    /// <summary>Reads and checks one pipeline file.</summary>
    /// <exception cref="PipelineDefinitionException">It cannot be used.</exception>
    public static PipelineDefinition LoadFile(string file, PipelineSteps steps)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Refused(file, "", $"cannot be read: {e.Message}");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, JsonOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "";
            var message = e.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw Refused(file, "", $"is not valid JSON{where}: {(cut > 0 ? message[..cut] : message)}");
        }
        using (document)
        {
            var reader = new Reader(file);
            var definition = Read(reader, document.RootElement, steps);
            if (reader.Problems.Count > 0 || definition is null) throw new PipelineDefinitionException(reader.Problems);
            return definition;
        }
    }

    private static void CheckFolder(string folder)
    {
        if (!Directory.Exists(folder)) throw Refused(folder, "", "the pipelines folder does not exist (--pipelines DIR, or $MONITOR_PIPELINES)");
    }

    private static PipelineDefinitionException Refused(string file, string field, string reason) => new([new PipelineProblem(file, field, reason)]);

    private static PipelineDefinition? Read(Reader r, JsonElement root, PipelineSteps available)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            r.Problem("", "a pipeline file holds one JSON object");
            return null;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(r.File))!;
        var stem = Path.GetFileNameWithoutExtension(r.File);
        r.Known(root, "", "name", "description", "enabled", "cron", "time_zone", "inbox", "steps", "retry", "health");

        var name = r.String(root, "", "name", required: true);
        if (name is not null && !NamePattern().IsMatch(name))
            r.Problem("name", $"'{name}' is not a pipeline name: lower-case letters, digits, '-' and '_', starting with a letter or digit");
        else if (name is not null && name != stem)
            r.Problem("name", $"'{name}' differs from the file name: pipeline '{name}' belongs in {name}.json");
        r.String(root, "", "description");
        var enabled = r.Bool(root, "", "enabled") ?? true;

        var zoneId = r.String(root, "", "time_zone") ?? DefaultTimeZone;
        TimeZoneInfo? zone = null;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            r.Problem("time_zone", $"'{zoneId}' is not a time zone this machine knows (an IANA id such as {DefaultTimeZone})");
        }
        var cronText = r.String(root, "", "cron", required: true);
        PipelineSchedule? schedule = null;
        if (cronText is not null && !PipelineSchedule.TryParse(cronText, zone ?? TimeZoneInfo.Utc, out schedule, out var cronProblem))
            r.Problem("cron", cronProblem!);

        var steps = ReadSteps(r, root, folder, available);
        InboxSettings? inbox = null;
        if (root.TryGetProperty("inbox", out var inboxElement)) inbox = ReadInbox(r, inboxElement, folder);
        else if (steps.Any(s => s is ImportStepDefinition)) r.Problem("inbox", "missing: an import step needs an inbox");

        var retry = RetrySettings.Default;
        if (root.TryGetProperty("retry", out var retryElement)) retry = ReadRetry(r, retryElement);
        var grace = TimeSpan.FromMinutes(60);
        var maxRefused = PipelineDefinition.DefaultMaxRefusedShare;
        if (root.TryGetProperty("health", out var health) && r.Object(health, "health"))
        {
            r.Known(health, "health", "grace_minutes", "max_refused_share");
            grace = TimeSpan.FromMinutes(r.Number(health, "health", "grace_minutes", min: 0) ?? 60);
            maxRefused = r.Number(health, "health", "max_refused_share", min: 0, max: 1) ?? maxRefused;
        }

        if (r.Problems.Count > 0) return null;
        return new PipelineDefinition
        {
            Name = name!, File = Path.GetFullPath(r.File), Enabled = enabled, Schedule = schedule!,
            Inbox = inbox, Steps = steps, Retry = retry, HealthGrace = grace, MaxRefusedShare = maxRefused,
        };
    }

    private static List<StepDefinition> ReadSteps(Reader r, JsonElement root, string folder, PipelineSteps available)
    {
        var steps = new List<StepDefinition>();
        if (!root.TryGetProperty("steps", out var array))
        {
            r.Problem("steps", "missing: list the steps, e.g. [{ \"step\": \"import\" }, { \"step\": \"measure\", … }]");
            return steps;
        }
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            r.Problem("steps", "must be a non-empty array of steps");
            return steps;
        }
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = $"steps[{index}]";
            if (!r.Object(element, path))
            {
                index++;
                continue;
            }
            var kind = r.String(element, path, "step", required: true);
            StepDefinition? step = kind switch
            {
                null => null,
                StepDefinition.ImportName => ReadImport(r, element, path, index),
                StepDefinition.MeasureName => ReadMeasure(r, element, path, folder),
                StepDefinition.ReportName => ReadReport(r, element, path, folder, available),
                _ => Unknown(r, path, kind),
            };
            if (step is not null) steps.Add(step);
            index++;
        }
        if (steps.Count(s => s is ImportStepDefinition) > 1) r.Problem("steps", "lists import more than once: one import step handles the whole inbox");
        return steps;

        static StepDefinition? Unknown(Reader r, string path, string kind)
        {
            r.Problem($"{path}.step", $"unknown step '{kind}' (known: import, measure, report)");
            return null;
        }
    }

    private static ImportStepDefinition? ReadImport(Reader r, JsonElement e, string path, int index)
    {
        r.Known(e, path, "step", "source", "full", "strict");
        if (index != 0) r.Problem(path, "import must be the first step: the steps after it work on what it imported");
        var source = r.String(e, path, "source");
        var full = r.Bool(e, path, "full") ?? false;
        var strict = r.Bool(e, path, "strict") ?? false;
        if (full && source is null) r.Problem($"{path}.full", "needs a source: the source whose earlier imports a full extract supersedes");
        return new ImportStepDefinition(source, full, strict);
    }

    private static MeasureStepDefinition? ReadMeasure(Reader r, JsonElement e, string path, string folder)
    {
        r.Known(e, path, "step", "baseline", "followup", "as_of", "gap_days", "residential_set", "top_n", "region", "out", "file");
        var baseline = ReadPeriod(r, e, path, "baseline");
        var followup = ReadPeriod(r, e, path, "followup");
        DateOnly? asOf = null;
        var asOfText = r.String(e, path, "as_of") ?? "latest";
        if (asOfText != "latest")
        {
            if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                r.Problem($"{path}.as_of", $"'{asOfText}' is neither \"latest\" nor a date (yyyy-MM-dd)");
            else
            {
                asOf = date;
                foreach (var (period, field) in new[] { (baseline, "baseline"), (followup, "followup") })
                {
                    if (period is { } p && date < p.To)
                        r.Problem($"{path}.as_of", $"{date:yyyy-MM-dd} is before the end of {field} {p} ({p.To:yyyy-MM-dd})");
                }
            }
        }
        var gapDays = r.Integer(e, path, "gap_days", min: 0) ?? EpisodeRules.DefaultGapDays;
        var topN = r.Integer(e, path, "top_n", min: 1) ?? MeasurementParameters.DefaultTopN;
        IReadOnlyList<CareType> residentialSet = CareTypes.DefaultResidentialSet;
        if (e.TryGetProperty("residential_set", out var set))
        {
            try
            {
                residentialSet = set.ValueKind switch
                {
                    JsonValueKind.String => CareTypes.ParseSet(set.GetString()!),
                    JsonValueKind.Array when set.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String) =>
                        CareTypes.ParseSet(string.Join(',', set.EnumerateArray().Select(x => x.GetString()))),
                    _ => throw new FormatException("must be a list of care types, e.g. [\"verblijf\", \"gezinshuis\"]"),
                };
            }
            catch (FormatException x)
            {
                r.Problem($"{path}.residential_set", x.Message);
            }
        }
        var region = r.String(e, path, "region");
        var outFolder = r.String(e, path, "out", required: true);
        var fileName = r.String(e, path, "file");
        if (fileName is not null && (fileName.Length == 0 || fileName.IndexOfAny(['/', '\\']) >= 0))
            r.Problem($"{path}.file", $"'{fileName}' must be a plain file name; the folder is \"out\"");
        if (baseline is null || followup is null || outFolder is null) return null;
        fileName ??= $"compare-{baseline}-{followup}.json";
        return new MeasureStepDefinition(baseline.Value, followup.Value, asOf, gapDays, residentialSet, topN, region,
            Path.GetFullPath(Path.Combine(folder, outFolder, fileName)));
    }

    private static Period? ReadPeriod(Reader r, JsonElement e, string path, string field)
    {
        var text = r.String(e, path, field, required: true);
        if (text is null) return null;
        if (Period.TryParse(text, out var period, out var error)) return period;
        r.Problem($"{path}.{field}", error);
        return null;
    }

    private static ReportStepDefinition? ReadReport(Reader r, JsonElement e, string path, string folder, PipelineSteps available)
    {
        if (available.Report is not { } report)
        {
            r.Problem($"{path}.step", "step 'report' is not available in this build");
            return null;
        }
        foreach (var (field, reason) in report.Check(e)) r.Problem(field.Length == 0 ? path : $"{path}.{field}", reason);
        return new ReportStepDefinition(e.Clone(), folder);
    }

    private static InboxSettings? ReadInbox(Reader r, JsonElement e, string folder)
    {
        if (!r.Object(e, "inbox")) return null;
        r.Known(e, "inbox", "folder", "pattern", "format", "archive", "failed", "settle_seconds", "recheck_seconds", "ignore");
        var inboxText = r.String(e, "inbox", "folder", required: true);
        string? inbox = null;
        if (inboxText is not null)
        {
            inbox = Path.GetFullPath(Path.Combine(folder, inboxText));
            if (!Directory.Exists(inbox)) r.Problem("inbox.folder", $"{inbox} does not exist");
        }
        var pattern = r.String(e, "inbox", "pattern") ?? "*.csv";
        if (pattern.Length == 0 || pattern.IndexOfAny(['/', '\\']) >= 0)
            r.Problem("inbox.pattern", $"'{pattern}' must be a file name pattern such as *.csv, without a folder");
        ExtractFormat? format = null;
        var formatText = r.String(e, "inbox", "format") ?? "auto";
        if (formatText != "auto")
        {
            if (ExtractFormats.TryParse(formatText, out var f)) format = f;
            else r.Problem("inbox.format", $"'{formatText}' is not a format (auto, {string.Join(", ", Enum.GetValues<ExtractFormat>().Select(x => x.Name()))})");
        }
        var archive = Path.GetFullPath(Path.Combine(folder, r.String(e, "inbox", "archive") ?? Path.Combine(inboxText ?? ".", "archive")));
        var failed = Path.GetFullPath(Path.Combine(folder, r.String(e, "inbox", "failed") ?? Path.Combine(inboxText ?? ".", "failed")));
        if (inbox is not null && SamePath(archive, inbox)) r.Problem("inbox.archive", "must differ from the inbox: archived files would be imported again");
        if (inbox is not null && SamePath(failed, inbox)) r.Problem("inbox.failed", "must differ from the inbox: rejected files would be tried again every run");
        if (SamePath(archive, failed)) r.Problem("inbox.failed", "must differ from the archive: imported and rejected files would mix");
        var settle = r.Number(e, "inbox", "settle_seconds", min: 0) ?? 60;
        var recheck = r.Number(e, "inbox", "recheck_seconds", min: 0, max: 60) ?? 2;
        var ignore = r.Strings(e, "inbox", "ignore") ?? [];
        foreach (var name in ignore.Where(n => n.Length == 0 || n.IndexOfAny(['/', '\\']) >= 0))
            r.Problem("inbox.ignore", $"'{name}' must be a file name pattern such as README.md, without a folder");
        return inbox is null ? null : new InboxSettings(inbox, pattern, format, archive, failed, TimeSpan.FromSeconds(settle), TimeSpan.FromSeconds(recheck))
        {
            Ignore = ignore,
        };
    }

    private static RetrySettings ReadRetry(Reader r, JsonElement e)
    {
        var d = RetrySettings.Default;
        if (!r.Object(e, "retry")) return d;
        r.Known(e, "retry", "attempts", "backoff", "delay_seconds", "max_delay_seconds", "lock_timeout_seconds");
        var attempts = r.Integer(e, "retry", "attempts", min: 1, max: 100) ?? d.Attempts;
        var backoff = d.Backoff;
        if (r.String(e, "retry", "backoff") is { } text)
        {
            if (!Enum.TryParse(text, ignoreCase: true, out backoff) || !Enum.IsDefined(backoff) || text.Any(char.IsDigit))
                r.Problem("retry.backoff", $"'{text}' is not a backoff (constant, linear, exponential)");
        }
        var delay = r.Number(e, "retry", "delay_seconds", min: 0) is { } s ? TimeSpan.FromSeconds(s) : d.Delay;
        var maxDelay = r.Number(e, "retry", "max_delay_seconds", min: 0) is { } m ? TimeSpan.FromSeconds(m) : TimeSpan.FromTicks(Math.Max(d.MaxDelay.Ticks, delay.Ticks));
        if (maxDelay < delay) r.Problem("retry.max_delay_seconds", "is shorter than delay_seconds");
        var lockTimeout = r.Number(e, "retry", "lock_timeout_seconds", min: 0.001) is { } l ? TimeSpan.FromSeconds(l) : d.LockTimeout;
        return new RetrySettings(attempts, backoff, delay, maxDelay, lockTimeout);
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();

    /// <summary>Reads typed fields and collects what is wrong with them, naming each by its path.</summary>
    private sealed class Reader(string file)
    {
        public string File { get; } = file;
        public List<PipelineProblem> Problems { get; } = [];

        public void Problem(string field, string reason) => Problems.Add(new PipelineProblem(File, field, reason));

        public bool Object(JsonElement e, string path)
        {
            if (e.ValueKind == JsonValueKind.Object) return true;
            Problem(path, $"must be an object, not {Kind(e)}");
            return false;
        }

        public void Known(JsonElement e, string path, params string[] names)
        {
            foreach (var property in e.EnumerateObject())
            {
                if (!names.Contains(property.Name))
                    Problem(Join(path, property.Name), $"unknown field (known here: {string.Join(", ", names)})");
            }
        }

        public string? String(JsonElement e, string path, string name, bool required = false)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required) Problem(Join(path, name), "missing");
                return null;
            }
            if (value.ValueKind == JsonValueKind.String) return value.GetString();
            Problem(Join(path, name), $"must be a string, not {Kind(value)}");
            return null;
        }

        public IReadOnlyList<string>? Strings(JsonElement e, string path, string name)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
                return value.EnumerateArray().Select(v => v.GetString()!).ToList();
            Problem(Join(path, name), $"must be an array of strings, not {Kind(value)}");
            return null;
        }

        public bool? Bool(JsonElement e, string path, string name)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
            Problem(Join(path, name), $"must be true or false, not {Kind(value)}");
            return null;
        }

        public int? Integer(JsonElement e, string path, string name, int min, int max = int.MaxValue)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= min && n <= max) return n;
            Problem(Join(path, name), $"must be a whole number {(max == int.MaxValue ? $"of at least {min}" : $"from {min} to {max}")}, not {value.GetRawText()}");
            return null;
        }

        public double? Number(JsonElement e, string path, string name, double min, double max = double.MaxValue)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var n) && n >= min && n <= max) return n;
            Problem(Join(path, name), $"must be a number {(max == double.MaxValue ? $"of at least {min.ToString(CultureInfo.InvariantCulture)}" : $"from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}")}, not {value.GetRawText()}");
            return null;
        }

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

        private static string Kind(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => $"the string \"{e.GetString()}\"",
            JsonValueKind.Number => $"the number {e.GetRawText()}",
            JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
            _ => "null",
        };
    }
}
