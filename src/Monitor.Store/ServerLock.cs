using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace Monitor.Store;

/// <summary>
/// A lock across every machine that uses one store on a server: a session-level PostgreSQL advisory lock on a
/// connection of its own, held until disposed. The server drops it when that connection ends, however the process
/// ends (kill -9, a power cut), so a dead worker never leaves it held. Used for one run of a pipeline at a time
/// (the file lock beside a SQLite store does this on one machine).
/// </summary>
public sealed class ServerLock : IDisposable
{
    private readonly NpgsqlConnection _connection;

    private ServerLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Takes the lock named <paramref name="name"/> if nobody holds it; null when someone does.</summary>
    /// <exception cref="StoreException">The server cannot be reached.</exception>
    public static ServerLock? TryTake(StoreLocation location, string name)
    {
        var connection = new NpgsqlConnection(location.ConnectionString);
        try
        {
            connection.Open();
            if (connection.ExecuteScalar<bool>("SELECT pg_try_advisory_lock(@space, @key)", new { space = PostgresEngine.LockSpace, key = KeyOf(name) }))
                return new ServerLock(connection);
            connection.Dispose();
            return null;
        }
        catch (NpgsqlException e)
        {
            connection.Dispose();
            throw new StoreException($"cannot reach the store {location.Display}: {PostgresEngine.DescribeError(e)}");
        }
    }

    /// <summary>The lock's second key: the first four bytes of the SHA-256 of its name, above the engine's own few keys.</summary>
    private static int KeyOf(string name) => (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(name))) | 0x100u);

    public void Dispose() => _connection.Dispose(); // closing the session releases its advisory locks
}
