using System.Security.Cryptography;
using System.Text;

using Monitor.Core.Measurements;

namespace Monitor.Store.Caching;

/// <summary>A file of kept sums of one kind (<see cref="CohortSumsFile"/>, <see cref="BootstrapSumsFile"/>): what
/// <see cref="Analysis"/> reads, writes and marks as used.</summary>
internal interface IKeptSumsFile<T> where T : IYouthSums<T>
{
    /// <summary>The sums and the store version they were made at; null when missing, damaged or of another shape.</summary>
    static abstract (StoreVersion Version, T Sums)? Read(string path);

    /// <summary>Writes the file whole or not at all; a folder that cannot be written is left as it is.</summary>
    static abstract void Write(string path, StoreVersion version, T sums);

    /// <summary>Marks a file as used now (it is taken as it was, so not written): pruning goes by last use.</summary>
    static abstract void Touch(string path);
}

/// <summary>
/// What the files of kept sums beside the store (<see cref="CohortSumsFile"/>, <see cref="BootstrapSumsFile"/>) share:
/// a name made of everything the sums follow from besides the store, and pruning by last use.
/// </summary>
internal static class KeptSumsFiles
{
    /// <summary>The file's path: <c>PREFIX-KEY.EXTENSION</c>, the key a hash of <paramref name="parts"/>.</summary>
    public static string PathIn(string folder, string prefix, string extension, params object?[] parts)
    {
        var text = string.Join('|', parts.Select(p => p switch
        {
            DateOnly date => date.ToString("O"),
            null => "",
            _ => Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture),
        }));
        return Path.Combine(folder, $"{prefix}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 12)}.{extension}");
    }

    /// <summary>Marks a file as used now (it is taken as it was, so not written): pruning goes by last use.</summary>
    public static void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Read-only: it may be pruned sooner, and is then made anew.
        }
    }

    /// <summary>Keeps the <paramref name="keep"/> most recently used files of <paramref name="pattern"/> and deletes the rest.
    /// Another process may be reading a file this deletes: it then makes those sums anew.</summary>
    public static void Prune(string folder, string pattern, int keep)
    {
        try
        {
            foreach (var old in new DirectoryInfo(folder).GetFiles(pattern).OrderByDescending(f => f.LastWriteTimeUtc).Skip(keep)) old.Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next writer.
        }
    }
}
