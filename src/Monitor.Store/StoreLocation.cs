using Npgsql;

namespace Monitor.Store;

/// <summary>
/// Where the store is: a SQLite file (a path), or a PostgreSQL database named by a URL,
/// <c>postgresql://USER:PASSWORD@HOST:PORT/DATABASE</c> (server mode, issue 15). The password is kept only in the
/// connection string handed to Npgsql: <see cref="Display"/>, which every message, log and record uses, never holds it.
/// </summary>
public sealed class StoreLocation
{
    private readonly string? _connectionString;

    private StoreLocation(string text, string display, string? connectionString, string? host, int port, string? database)
    {
        Text = text;
        Display = display;
        _connectionString = connectionString;
        Host = host;
        Port = port;
        Database = database;
    }

    /// <summary>What the user gave (<c>--db</c>, <c>$MONITOR_DB</c>): for a server it holds the password, so never print it.</summary>
    internal string Text { get; }

    /// <summary>The path, or <c>postgresql://USER@HOST:PORT/DATABASE</c> without the password: safe to print and store.</summary>
    public string Display { get; }

    /// <summary>Whether the store is a PostgreSQL database (server mode).</summary>
    public bool IsServer => _connectionString is not null;

    public string? Host { get; }
    public int Port { get; }
    public string? Database { get; }

    /// <summary>Npgsql's connection string (with the password): for the store and Hangfire's storage only.</summary>
    internal string ConnectionString => _connectionString ?? throw new InvalidOperationException("not a server store");

    /// <summary>The connection string for Hangfire's PostgreSQL storage, in the same database.</summary>
    public string ServerConnectionString() => ConnectionString;

    public override string ToString() => Display;

    /// <summary>Whether <paramref name="text"/> names a PostgreSQL database rather than a file.</summary>
    public static bool IsServerUrl(string text) =>
        text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The text to show for a store given as <paramref name="text"/>: the path, or the URL without its password.</summary>
    public static string Redact(string text)
    {
        if (!IsServerUrl(text)) return text;
        try
        {
            return Parse(text).Display;
        }
        catch (StoreException)
        {
            return "postgresql://(a URL that cannot be read)";
        }
    }

    /// <summary>The store as messages and pages show it: a file's full path, or the URL without its password.</summary>
    public static string Shown(string text) => IsServerUrl(text) ? Redact(text) : System.IO.Path.GetFullPath(text);

    /// <exception cref="StoreException">A <c>postgresql://</c> URL that cannot be read (the message never repeats the password).</exception>
    public static StoreLocation Parse(string text)
    {
        if (!IsServerUrl(text)) return new StoreLocation(text, text, null, null, 0, null);
        var rest = text[(text.IndexOf("://", StringComparison.Ordinal) + 3)..];
        // user:password@host:port/database — the password may hold '@' or ':' when percent-encoded, and the last '@' ends it.
        var at = rest.LastIndexOf('@');
        var credentials = at < 0 ? "" : rest[..at];
        var address = at < 0 ? rest : rest[(at + 1)..];
        var colon = credentials.IndexOf(':');
        var user = Uri.UnescapeDataString(colon < 0 ? credentials : credentials[..colon]);
        var password = colon < 0 ? null : Uri.UnescapeDataString(credentials[(colon + 1)..]);
        var slash = address.IndexOf('/');
        var hostPort = slash < 0 ? address : address[..slash];
        var database = slash < 0 ? "" : Uri.UnescapeDataString(address[(slash + 1)..]);
        if (database.Contains('?')) throw new StoreException("the store URL takes no options after '?': postgresql://USER:PASSWORD@HOST:PORT/DATABASE");
        string host;
        var port = 5432;
        var portColon = hostPort.LastIndexOf(':');
        if (hostPort.StartsWith('[') && hostPort.IndexOf(']') is var close and > 0)
        {
            host = hostPort[1..close];
            if (close + 1 < hostPort.Length && hostPort[close + 1] == ':' && !int.TryParse(hostPort[(close + 2)..], out port)) port = -1;
        }
        else if (portColon >= 0)
        {
            host = hostPort[..portColon];
            if (!int.TryParse(hostPort[(portColon + 1)..], out port)) port = -1;
        }
        else host = hostPort;
        var display = $"postgresql://{(user.Length == 0 ? "" : Uri.EscapeDataString(user) + "@")}{host}:{port}/{database}";
        if (user.Length == 0 || host.Length == 0 || database.Length == 0 || port is < 1 or > 65535)
            throw new StoreException($"the store URL {display} is not postgresql://USER:PASSWORD@HOST:PORT/DATABASE");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = host,
            Port = port,
            Username = user,
            Database = database,
            // Without a password in the URL, Npgsql takes PGPASSWORD or ~/.pgpass, as psql does.
            Password = password,
            ApplicationName = "monitor",
            Timeout = 10,
            CommandTimeout = 0, // waits for the import lock are the store's own (LockWait), and a 10-million-row COPY takes minutes
            // The password stays out of the connection string Npgsql hands back (NpgsqlConnection.ConnectionString).
            PersistSecurityInfo = false,
        };
        return new StoreLocation(text, display, builder.ConnectionString, host, port, database);
    }
}
