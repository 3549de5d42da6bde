using System.Security.Cryptography;
using System.Text;
using Monitor.Core.Privacy;

namespace Monitor.Ingest;

/// <summary>
/// Where the secret of the pseudonyms comes from (PROTOCOL.md 3.3): the environment variable
/// <c>MONITOR_PSEUDONYM_KEY</c>, or else a key file beside the database, created on first use and
/// readable only by its owner. Lose the key and new imports no longer link to stored youths.
/// </summary>
public static class PseudonymKeys
{
    public const string EnvironmentVariable = "MONITOR_PSEUDONYM_KEY";

    public static string KeyFileFor(string databasePath) => Path.GetFullPath(databasePath) + ".key";

    public static Pseudonymizer ForStore(string databasePath)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            var bytes = Encoding.UTF8.GetBytes(fromEnvironment);
            if (bytes.Length < 16) throw new InvalidOperationException($"{EnvironmentVariable} is shorter than 16 bytes: use a long random secret");
            return new Pseudonymizer(bytes);
        }
        return new Pseudonymizer(ReadOrCreateKeyFile(KeyFileFor(databasePath)));
    }

    private static byte[] ReadOrCreateKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using var stream = new FileStream(path, options);
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) + "\n"));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }
        var text = File.ReadAllText(path).Trim();
        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"the key file {path} does not hold a hex key");
        }
    }
}
