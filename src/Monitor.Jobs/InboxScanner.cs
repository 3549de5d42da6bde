using System.Globalization;

namespace Monitor.Jobs;

/// <summary>A file found in the inbox, as it was when looked at.</summary>
public sealed record InboxFile(string Path, long Size, DateTime LastWriteUtc)
{
    public string Name => System.IO.Path.GetFileName(Path);
}

/// <summary>What the inbox holds: files ready to import, files that may still be being written, and files
/// that match no pattern (neither <c>inbox.pattern</c> nor <c>inbox.ignore</c>), which are never imported.</summary>
public sealed record InboxScan(IReadOnlyList<InboxFile> Ready, IReadOnlyList<(InboxFile File, string Reason)> Waiting)
{
    public IReadOnlyList<InboxFile> Unmatched { get; init; } = [];
}

/// <summary>
/// Finds the inbox files a run imports. A provider's upload may still be going on when a run starts, and a
/// half-written file must not be imported (it would be rejected, or worse, imported short). So a file
/// waits for the next run when it was modified within the last <c>settle_seconds</c>, or when its size or
/// modification time changed between two looks <c>recheck_seconds</c> apart. Hidden files (a leading dot,
/// as rsync and many upload tools use for a file in transfer) and subfolders are never looked at. A file
/// that matches no pattern (a spreadsheet where extracts are expected) is reported, run after run, until
/// someone moves it or names it in <c>inbox.ignore</c>: otherwise nobody would ever hear of it.
/// </summary>
public static class InboxScanner
{
    private static readonly EnumerationOptions Options = new()
    {
        MatchCasing = MatchCasing.CaseInsensitive,
        MatchType = MatchType.Simple,
        RecurseSubdirectories = false,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.Directory,
        IgnoreInaccessible = true,
    };

    public static InboxScan Scan(InboxSettings inbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var unmatched = Unmatched(inbox);
        var first = Look(inbox);
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = new List<(InboxFile, string)>();
        var candidates = new List<InboxFile>();
        foreach (var file in first)
        {
            var age = now - file.LastWriteUtc;
            if (age < inbox.Settle)
            {
                waiting.Add((file, age < TimeSpan.Zero
                    ? "its modification time is in the future: the clocks disagree, or it is still being written"
                    : $"modified {Seconds(age)} s ago, within settle_seconds ({Seconds(inbox.Settle)}): it may still be being written"));
            }
            else candidates.Add(file);
        }
        if (candidates.Count == 0 || inbox.Recheck <= TimeSpan.Zero) return new InboxScan(candidates, waiting) { Unmatched = unmatched };

        try
        {
            Task.Delay(inbox.Recheck, clock, cancellationToken).Wait(CancellationToken.None);
        }
        catch (AggregateException) when (cancellationToken.IsCancellationRequested)
        {
            // Asked to stop: the caller sees the token; the second look below is still honest.
        }
        var second = Look(inbox).ToDictionary(f => f.Path);
        var ready = new List<InboxFile>();
        foreach (var file in candidates)
        {
            if (!second.TryGetValue(file.Path, out var again)) continue; // gone meanwhile: nothing to import
            if (again.Size != file.Size || again.LastWriteUtc != file.LastWriteUtc)
                waiting.Add((again, $"its size or modification time changed within recheck_seconds ({Seconds(inbox.Recheck)}): it is still being written"));
            else ready.Add(again);
        }
        return new InboxScan(ready, waiting) { Unmatched = unmatched };
    }

    /// <summary>The inbox's files (top level, not hidden) that match neither the pattern nor an ignore pattern.</summary>
    public static IReadOnlyList<InboxFile> Unmatched(InboxSettings inbox)
    {
        if (!Directory.Exists(inbox.Folder)) return [];
        var files = new List<InboxFile>();
        foreach (var path in Directory.EnumerateFiles(inbox.Folder, "*", Options))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.') || Matches(name, inbox.Pattern) || inbox.Ignore.Any(pattern => Matches(name, pattern))) continue;
            var info = new FileInfo(path);
            if (info.Exists) files.Add(new InboxFile(info.FullName, info.Length, info.LastWriteTimeUtc));
        }
        return files.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The inbox's own matching (<c>*</c> and <c>?</c>, case-insensitive), as the file system enumeration does it.</summary>
    private static bool Matches(string name, string pattern) =>
        System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(pattern, name, ignoreCase: true);

    private static List<InboxFile> Look(InboxSettings inbox)
    {
        var files = new List<InboxFile>();
        foreach (var path in Directory.EnumerateFiles(inbox.Folder, inbox.Pattern, Options))
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Name.StartsWith('.')) continue;
            files.Add(new InboxFile(info.FullName, info.Length, info.LastWriteTimeUtc));
        }
        return files;
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}
