using System.Globalization;
using System.Text.Json;
using Monitor.Core;
using Monitor.Core.Domain;
using Monitor.Core.Formatting;
using Monitor.Core.Measurements;
using Monitor.Core.Statistics;
using Monitor.Jobs;
using Monitor.Store;

namespace Monitor.Cli;

/// <summary>
/// The pipelines' <c>report</c> step: the same report as <c>monitor report</c>, through
/// <see cref="ReportAssembler"/>. Parameters: <c>baseline</c>, <c>followup</c> (periods, required),
/// <c>out</c> (folder, required; relative to the pipeline file), <c>as_of</c> (a date or <c>latest</c>, the
/// default), <c>lang</c> (<c>nl</c> or <c>en</c>), <c>region</c> or <c>regions</c> (<c>A,B</c>),
/// <c>gap_days</c>, <c>threshold</c>, <c>top_n</c>, <c>bootstrap</c> (replicates for the 95% intervals, 0: none) and
/// <c>seed</c>, as <c>monitor report</c>'s options. The new report replaces the old one only when it is
/// complete, so a reader never sees half a folder.
/// </summary>
public sealed class PipelineReportStep : IReportStep
{
    private static readonly HashSet<string> Known = ["step", "baseline", "followup", "out", "as_of", "window", "lang", "region", "regions", "gap_days", "threshold", "top_n", "bootstrap", "seed"];

    public IEnumerable<(string Field, string Reason)> Check(JsonElement parameters)
    {
        var problems = new List<(string, string)>();
        foreach (var property in parameters.EnumerateObject())
            if (!Known.Contains(property.Name)) problems.Add((property.Name, "unknown field of the report step"));
        try
        {
            Parse(parameters, ".");
        }
        catch (ReportParameterException e)
        {
            problems.Add((e.Field, e.Message));
        }
        return problems;
    }

    public string Run(ReportStepContext context, CancellationToken cancellationToken)
    {
        var (request, folder) = Parse(context.Step.Parameters, context.Step.Folder);
        using var store = MonitorStore.Open(context.DatabasePath, context.LockTimeout);
        cancellationToken.ThrowIfCancellationRequested();

        var fresh = folder + ".new";
        if (Directory.Exists(fresh)) Directory.Delete(fresh, recursive: true);
        var index = ReportAssembler.Write(store, request, fresh, new FixedClock(context.Now));
        var old = folder + ".old";
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        if (Directory.Exists(folder)) Directory.Move(folder, old);
        Directory.Move(fresh, folder);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        return Path.Combine(folder, Path.GetFileName(index));
    }

    private static (ReportRequest Request, string Folder) Parse(JsonElement p, string baseFolder)
    {
        string? Text(string name) => p.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString()
            : throw new ReportParameterException(name, "must be a string") : null;
        int? Whole(string name) => p.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i
            : throw new ReportParameterException(name, "must be a whole number") : null;
        Period PeriodOf(string name)
        {
            var text = Text(name) ?? throw new ReportParameterException(name, "is required (a year or yyyy-MM-dd..yyyy-MM-dd)");
            return Period.TryParse(text, out var period, out var error) ? period : throw new ReportParameterException(name, error);
        }

        var baseline = PeriodOf("baseline");
        var followup = PeriodOf("followup");
        var outFolder = Text("out") ?? throw new ReportParameterException("out", "is required: the folder to write the report into");
        // As monitor report: a window after each period (default 182 days), or one as-of date (a date or latest).
        var asOfText = Text("as_of");
        var window = Whole("window");
        if (asOfText is not null && window is not null) throw new ReportParameterException("window", "use as_of or window, not both");
        if (window is < 0) throw new ReportParameterException("window", "cannot be negative");
        AsOfChoice asOf = AsOfChoice.OfWindow(window ?? ReportAssembler.DefaultWindowDays);
        if (asOfText == "latest") asOf = AsOfChoice.OfLatest;
        else if (asOfText is not null)
        {
            if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new ReportParameterException("as_of", $"'{asOfText}' is neither a date (yyyy-MM-dd) nor latest");
            if (date < followup.To) throw new ReportParameterException("as_of", "is before the end of the follow-up period");
            asOf = AsOfChoice.Of(date);
        }
        var language = Text("lang") ?? "nl";
        if (language is not ("nl" or "en")) throw new ReportParameterException("lang", "must be nl or en");
        var region = Text("region");
        var regions = Text("regions");
        string? a = null, b = null;
        if (regions is not null)
        {
            if (region is not null) throw new ReportParameterException("regions", "use region or regions, not both");
            var names = regions.Split(',', StringSplitOptions.TrimEntries);
            if (names.Length != 2 || names.Any(n => n.Length == 0)) throw new ReportParameterException("regions", "takes two regions, A,B");
            (a, b) = (names[0], names[1]);
        }
        var gapDays = Whole("gap_days") ?? Settings.Defaults.GapDays;
        if (gapDays < 0) throw new ReportParameterException("gap_days", "cannot be negative");
        var threshold = Whole("threshold") ?? Settings.Defaults.SuppressionThreshold;
        if (threshold < 2) throw new ReportParameterException("threshold", "must be at least 2");
        var topN = Whole("top_n") ?? Settings.Defaults.TopN;
        if (topN < 1) throw new ReportParameterException("top_n", "must be at least 1");
        var replicates = Whole("bootstrap") ?? PoissonBootstrap.DefaultReplicates;
        if (replicates < 0) throw new ReportParameterException("bootstrap", "cannot be negative (0: no intervals)");
        ulong seed = PoissonBootstrap.DefaultSeed;
        if (p.TryGetProperty("seed", out var seedValue))
            seed = seedValue.ValueKind == JsonValueKind.Number && seedValue.TryGetUInt64(out var s) ? s
                : throw new ReportParameterException("seed", "must be a whole number of at least 0");
        var request = new ReportRequest(baseline, followup, asOf, gapDays, CareTypes.DefaultResidentialSet, region, a, b,
            language == "en" ? Language.English : Language.Dutch, threshold, topN) { Replicates = replicates, Seed = seed };
        return (request, Path.GetFullPath(Path.Combine(baseFolder, outFolder)));
    }

    private sealed class ReportParameterException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
