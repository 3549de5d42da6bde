using System.Net;
using System.Text.Json;
using Monitor.Core.Domain;
using Monitor.Dashboard;
using Monitor.Core.Episodes;

namespace Monitor.Cli;

/// <summary>
/// Defaults a region can change without typing them on every command: a JSON file named by
/// <c>--settings</c>, else <c>$MONITOR_SETTINGS</c>, else <c>monitor.settings.json</c> beside the store (for a store on
/// a server: in the working folder).
/// Options on the command line win over the file. Keys: <c>gap_days</c>, <c>residential_set</c>,
/// <c>top_n</c>, <c>suppression_threshold</c>, <c>lock_wait_seconds</c>, <c>report_contact</c> (the report colophon's
/// contact line: who answers questions about the figures), and <c>dashboard</c> (<c>allow_from</c>,
/// <c>allowed_hosts</c>, <c>read_only</c>: <see cref="DashboardSettings"/>).
/// </summary>
/// <param name="LockWait">How long an import waits for another import's write lock before it gives up.</param>
public sealed record Settings(int GapDays, IReadOnlyList<CareType> ResidentialSet, int TopN, int SuppressionThreshold, TimeSpan LockWait)
{
    public DashboardSettings Dashboard { get; init; } = new();

    /// <summary>The report colophon's contact line (<c>report_contact</c>), e.g. "Team Onderzoek, onderzoek@gemeente.nl"; null: none.</summary>
    public string? ReportContact { get; init; }

    public const string Variable = "MONITOR_SETTINGS";
    public const string FileName = "monitor.settings.json";

    public static Settings Defaults { get; } = new(EpisodeRules.DefaultGapDays, CareTypes.DefaultResidentialSet, 25, 10, Store.LockWait.DefaultLimit);

    public static Settings Load(string databasePath, string? explicitPath)
    {
        var path = explicitPath ?? Environment.GetEnvironmentVariable(Variable);
        if (explicitPath is not null && !File.Exists(explicitPath)) throw new UsageException($"--settings: {explicitPath} not found");
        if (string.IsNullOrEmpty(path))
        {
            // Beside a store file; a store on a server has no "beside": the working folder.
            path = Monitor.Store.StoreLocation.IsServerUrl(databasePath)
                ? Path.GetFullPath(FileName)
                : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath)) ?? ".", FileName);
            if (!File.Exists(path)) return Defaults;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var settings = Defaults;
            if (root.TryGetProperty("gap_days", out var gap)) settings = settings with { GapDays = gap.GetInt32() };
            if (root.TryGetProperty("top_n", out var topN)) settings = settings with { TopN = topN.GetInt32() };
            if (root.TryGetProperty("suppression_threshold", out var threshold))
            {
                settings = settings with { SuppressionThreshold = threshold.GetInt32() };
                if (settings.SuppressionThreshold < 2) throw new FormatException($"suppression_threshold must be at least 2 ({settings.SuppressionThreshold})");
            }
            if (root.TryGetProperty("lock_wait_seconds", out var lockWait))
            {
                var seconds = lockWait.GetInt32();
                if (seconds < 0) throw new FormatException($"lock_wait_seconds cannot be negative ({seconds})");
                settings = settings with { LockWait = TimeSpan.FromSeconds(seconds) };
            }
            if (root.TryGetProperty("residential_set", out var set))
                settings = settings with { ResidentialSet = CareTypes.ParseSet(string.Join(',', set.EnumerateArray().Select(e => e.GetString()))) };
            if (root.TryGetProperty("report_contact", out var contact))
                settings = settings with { ReportContact = contact.ValueKind == JsonValueKind.String ? contact.GetString() : throw new FormatException("report_contact must be a text") };
            if (root.TryGetProperty("dashboard", out var dashboard)) settings = settings with { Dashboard = ReadDashboard(dashboard) };
            return settings;
        }
        catch (Exception e) when (e is JsonException or IOException or FormatException or InvalidOperationException)
        {
            throw new UsageException($"the settings file {path} cannot be used: {e.Message}");
        }
    }

    private static DashboardSettings ReadDashboard(JsonElement e)
    {
        foreach (var property in e.EnumerateObject())
        {
            if (property.Name is not ("allow_from" or "allowed_hosts" or "read_only"))
                throw new FormatException($"dashboard.{property.Name} is not a setting (allow_from, allowed_hosts, read_only)");
        }
        var allowFrom = e.TryGetProperty("allow_from", out var networks)
            ? networks.EnumerateArray().Select(n => IPNetwork.TryParse(n.GetString(), out var network) ? network
                : throw new FormatException($"dashboard.allow_from: '{n.GetString()}' is not a network such as 10.20.0.0/16")).ToList()
            : [];
        var hosts = e.TryGetProperty("allowed_hosts", out var names) ? names.EnumerateArray().Select(n => n.GetString()!).ToList() : [];
        var readOnly = !e.TryGetProperty("read_only", out var ro) || ro.GetBoolean();
        return new DashboardSettings(allowFrom, hosts, readOnly);
    }

    public IReadOnlyList<CareType> ResidentialSetOr(string? option)
    {
        if (option is null) return ResidentialSet;
        try
        {
            return CareTypes.ParseSet(option);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--residential-set: {e.Message}");
        }
    }
}
