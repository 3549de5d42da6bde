using Dapper;
using Npgsql;

namespace Monitor.Integration.Tests.Support;

/// <summary>
/// The PostgreSQL server of the server-mode tests (issue 15): <c>$MONITOR_TEST_POSTGRES</c>, a URL
/// <c>postgresql://USER:PASSWORD@127.0.0.1:5432/DATABASE</c> of a role that may create databases (.ci/run makes one
/// with Debian's PostgreSQL 15). Each test gets a database of its own, dropped afterwards. Without the variable,
/// or without a server that answers, the tests are skipped and say why; with <c>MONITOR_TEST_POSTGRES_REQUIRED=1</c>
/// (CI) a missing server fails them instead.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "MONITOR_TEST_POSTGRES";
    public const string RequiredVariable = "MONITOR_TEST_POSTGRES_REQUIRED";

    /// <summary>A pseudonym key for the children: a server store takes it from the environment only.</summary>
    public const string Key = "server-mode-test-key-0123456789";

    private static readonly Lazy<string?> Unavailable = new(Probe);

    private static string? Url => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url ? url : null;

    /// <summary>Skips the test (or fails it, in CI) when there is no server to run it on.</summary>
    public static void Require()
    {
        if (Unavailable.Value is not { } why) return;
        if (Environment.GetEnvironmentVariable(RequiredVariable) == "1") Assert.Fail($"PostgreSQL is required here ({RequiredVariable}=1) but {why}");
        Skip.If(true, $"PostgreSQL tests skipped: {why}");
    }

    private static string? Probe()
    {
        if (Url is not { } url) return $"{Variable} is not set (postgresql://USER:PASSWORD@127.0.0.1:5432/DATABASE of a role that may create databases; .ci/run sets it)";
        try
        {
            using var connection = Connect(url);
            connection.ExecuteScalar<int>("SELECT 1");
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or Monitor.Store.StoreException or TimeoutException)
        {
            return $"the server of {Variable} does not answer ({Monitor.Store.MonitorStore.Describe(e)})";
        }
    }

    internal static NpgsqlConnection Connect(string url)
    {
        var location = Monitor.Store.StoreLocation.Parse(url);
        var connection = new NpgsqlConnection(location.ServerConnectionString());
        connection.Open();
        return connection;
    }

    /// <summary>The password of the test server's URL, to look for in everything the product prints and stores.</summary>
    public static string Password
    {
        get
        {
            var credentials = Url![(Url!.IndexOf("://", StringComparison.Ordinal) + 3)..Url.LastIndexOf('@')];
            return Uri.UnescapeDataString(credentials[(credentials.IndexOf(':') + 1)..]);
        }
    }

    /// <summary>A new, empty database on the test server; dropped when disposed.</summary>
    public static TestDatabase CreateDatabase() => new(Url!);
}

/// <summary>A database of one test: <see cref="Url"/> names it (with the password), <see cref="Connect"/> reads it.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _adminUrl;
    public string Name { get; } = "monitor_test_" + Guid.NewGuid().ToString("N")[..12];

    internal TestDatabase(string adminUrl)
    {
        _adminUrl = adminUrl;
        using var admin = PostgresServer.Connect(adminUrl);
        admin.Execute($"CREATE DATABASE {Name}");
        Url = adminUrl[..(adminUrl.LastIndexOf('/') + 1)] + Name;
    }

    public string Url { get; }

    public NpgsqlConnection Connect() => PostgresServer.Connect(Url);

    public long Count(string sql, object? parameters = null)
    {
        using var connection = Connect();
        return connection.ExecuteScalar<long>(sql, parameters);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            using var admin = PostgresServer.Connect(_adminUrl);
            admin.Execute($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // The server went away: nothing left to clean here.
        }
        // The caches of a server store live in the user's cache folder, one folder per database.
        var cache = Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "verblijfsmonitor", "postgresql");
        if (Directory.Exists(cache))
            foreach (var folder in Directory.GetDirectories(cache, "*" + Name))
                Directory.Delete(folder, recursive: true);
    }
}
