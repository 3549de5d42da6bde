using System.Security.Cryptography;
using System.Text;
using Monitor.Core;
using Monitor.Core.Privacy;

namespace Monitor.Ingest;

/// <summary>
/// Where the secret of the pseudonyms comes from (PROTOCOL.md 3.3): the environment variable
/// <c>MONITOR_PSEUDONYM_KEY</c>, or else a key file beside the database, created on first use and
/// readable only by its owner. A store on a server (<c>postgresql://…</c>) has no "beside": its key comes from the
/// environment only, the same on every worker, and its absence is refused. Lose the key and new imports no longer
/// link to stored youths.
/// </summary>
public static class PseudonymKeys
{
    public const string EnvironmentVariable = "MONITOR_PSEUDONYM_KEY";

    public static string KeyFileFor(string databasePath) => Path.GetFullPath(databasePath) + ".key";

    private const int MinimumBytes = 16;

    /// <exception cref="InvalidRequestException">The key in the environment is too short, or the key file
    /// cannot be read or holds no key: bad input, exit 2 (PROTOCOL.md 3.3).</exception>
    public static Pseudonymizer ForStore(string databasePath) =>
        new(FromEnvironment() ?? (Monitor.Store.StoreLocation.IsServerUrl(databasePath)
            ? throw new InvalidRequestException($"{EnvironmentVariable} is not set: a store on a server takes its pseudonym key from the environment only (no key file), the same on every worker")
            : ReadOrCreateKeyFile(KeyFileFor(databasePath))));

    /// <summary>Refuses a bad key before anything is written: too short, or (for a store on a server) missing.</summary>
    /// <exception cref="InvalidRequestException">The key is shorter than 16 bytes, or a server store has none.</exception>
    public static void CheckFor(string databasePath)
    {
        if (FromEnvironment() is null && Monitor.Store.StoreLocation.IsServerUrl(databasePath)) ForStore(databasePath);
    }

    /// <summary>Refuses a key in the environment that is too short, before anything is written.</summary>
    /// <exception cref="InvalidRequestException">The key is shorter than 16 bytes.</exception>
    public static void CheckEnvironment() => FromEnvironment();

    private static byte[]? FromEnvironment()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrEmpty(fromEnvironment)) return null;
        var bytes = Encoding.UTF8.GetBytes(fromEnvironment);
        if (bytes.Length < MinimumBytes)
            throw new InvalidRequestException($"{EnvironmentVariable} is {bytes.Length} bytes long, shorter than {MinimumBytes}: use a long random secret (for example: openssl rand -hex 32)");
        return bytes;
    }

    private static byte[] ReadOrCreateKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            // Written whole under another name, then moved into place without replacing: a second process
            // opening a new store at the same moment never reads a half-written key, and both use one key.
            var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using (var stream = new FileStream(temporary, options))
                    stream.Write(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) + "\n"));
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidRequestException($"cannot create the key file {path}: {e.Message}");
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
        }
        byte[] key;
        try
        {
            key = Convert.FromHexString(File.ReadAllText(path).Trim());
        }
        catch (FormatException)
        {
            throw new InvalidRequestException($"the key file {path} does not hold a hex key");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidRequestException($"cannot read the key file {path}: {e.Message}");
        }
        if (key.Length < MinimumBytes) throw new InvalidRequestException($"the key file {path} holds a key shorter than {MinimumBytes} bytes");
        return key;
    }
}
