using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Monitor.Jobs;
using Monitor.Store;

namespace Monitor.Integration.Tests.Support;

/// <summary>
/// A throw-away setting for pipeline tests: a store, a pipelines folder and an inbox (with its archive and
/// failed folders) in a fresh temporary folder, pipeline files written inline, and the run history read back.
/// </summary>
public sealed class PipelineSetup : IDisposable
{
    private readonly string? _db;

    /// <param name="db">The store: a <c>postgresql://</c> URL (server mode), else monitor.db in the folder.</param>
    public PipelineSetup(string? db = null)
    {
        _db = db;
        Directory.CreateDirectory(Pipelines);
        Directory.CreateDirectory(Inbox);
    }

    public TestFolder Folder { get; } = new();
    public string Db => _db ?? Folder.Db;
    public string Pipelines => Folder.File("pipelines");
    public string Inbox => Folder.File("inbox");
    public string Archive => Path.Combine(Inbox, "archive");
    public string Failed => Path.Combine(Inbox, "failed");
    public string Out => Folder.File("out");

    public void Dispose() => Folder.Dispose();

    /// <summary>A pipeline file over this setting's inbox: import, then the given steps (JSON objects).</summary>
    public string WritePipeline(string name = "nightly", string cron = "30 2 * * *", double settleSeconds = 0, double recheckSeconds = 0,
        string? retry = null, string extraSteps = "", bool import = true, bool enabled = true)
    {
        var steps = new List<string>();
        if (import) steps.Add("""{ "step": "import" }""");
        if (extraSteps.Length > 0) steps.Add(extraSteps);
        var json = $$"""
            {
              "name": "{{name}}",
              "enabled": {{(enabled ? "true" : "false")}},
              "cron": "{{cron}}",
              "time_zone": "Europe/Amsterdam",
              "inbox": { "folder": "../inbox", "pattern": "*.csv", "settle_seconds": {{settleSeconds}}, "recheck_seconds": {{recheckSeconds}} },
              "steps": [ {{string.Join(", ", steps)}} ],
              "retry": {{retry ?? """{ "attempts": 3, "backoff": "constant", "delay_seconds": 0.2, "lock_timeout_seconds": 1 }"""}}
            }
            """;
        return WritePipelineText(name, json);
    }

    public string WritePipelineText(string name, string json)
    {
        var path = Path.Combine(Pipelines, name + ".json");
        File.WriteAllText(path, json, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Puts a file in the inbox, last written <paramref name="age"/> ago (default: an hour, long settled).</summary>
    public string Drop(string name, string content, TimeSpan? age = null)
    {
        var path = Path.Combine(Inbox, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - (age ?? TimeSpan.FromHours(1)));
        return path;
    }

    public PipelineDefinition Load(string name = "nightly", PipelineSteps? steps = null) =>
        PipelineLoader.Load(Pipelines, name, steps ?? PipelineSteps.WithoutReport);

    /// <summary><c>monitor pipeline run NAME</c> in this process, on this store and pipelines folder.</summary>
    public CommandLine.Result RunCli(params string[] args) => CommandLine.Run([.. args, "--db", Db, "--pipelines", Pipelines]);

    public long Count(string sql, object? parameters = null)
    {
        using var connection = Connect();
        return connection.ExecuteScalar<long>(sql, parameters);
    }

    public System.Data.Common.DbConnection Connect()
    {
        if (_db is not null) return PostgresServer.Connect(_db);
        var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        return connection;
    }

    public IReadOnlyList<PipelineRun> Runs(string? pipeline = null)
    {
        if (_db is null && !File.Exists(Db)) return [];
        using var store = MonitorStore.Open(Db);
        return store.Runs(pipeline, 1000);
    }

    public IReadOnlyList<PipelineRunFile> Files(long runId)
    {
        using var store = MonitorStore.Open(Db);
        return store.RunFiles(runId);
    }

    public IReadOnlyList<PipelineRunStep> Steps(long runId)
    {
        using var store = MonitorStore.Open(Db);
        return store.RunSteps(runId);
    }

    public string[] ArchiveNames() => Directory.Exists(Archive) ? Directory.GetFiles(Archive).Select(f => Path.GetFileName(f)).Order().ToArray() : [];
    public string[] FailedNames() => Directory.Exists(Failed) ? Directory.GetFiles(Failed).Select(f => Path.GetFileName(f)).Order().ToArray() : [];
    public string[] InboxNames() => Directory.GetFiles(Inbox).Select(f => Path.GetFileName(f)).Order().ToArray();

    /// <summary>The run's date as archive names carry it: today in Amsterdam.</summary>
    public static string Today => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).ToString("yyyy-MM-dd");

    /// <summary>Polls until <paramref name="condition"/> holds, or fails after <paramref name="timeout"/> (generous: never a speed test).</summary>
    public static void WaitUntil(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out waiting for {what}");
            Thread.Sleep(100);
        }
    }
}
