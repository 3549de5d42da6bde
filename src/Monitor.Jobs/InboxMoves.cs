namespace Monitor.Jobs;

/// <summary>
/// Where inbox files go after a run has dealt with them: the archive when imported (or already imported),
/// the failed folder when rejected, with a <c>.reason.txt</c> beside it. Names are prefixed with the run's
/// date in the pipeline's time zone (<c>2026-11-23_rijm.csv</c>); a name already taken gets <c>_2</c>,
/// <c>_3</c>, … before its extension, so nothing is ever overwritten. On one file system a move is a
/// rename, which is atomic: keep the archive and failed folders on the inbox's file system.
/// </summary>
public static class InboxMoves
{
    /// <summary>Moves an imported file to the archive; returns its new path.</summary>
    public static string Archive(string file, string archive, DateOnly runDate) => Move(file, archive, runDate);

    /// <summary>Moves a rejected file to the failed folder and writes why beside it; returns its new path.</summary>
    public static string Reject(string file, string failed, DateOnly runDate, string explanation)
    {
        var moved = Move(file, failed, runDate);
        File.WriteAllText(moved + ".reason.txt", explanation);
        return moved;
    }

    private static string Move(string file, string folder, DateOnly runDate)
    {
        Directory.CreateDirectory(folder);
        var stem = $"{runDate:yyyy-MM-dd}_{Path.GetFileNameWithoutExtension(file)}";
        var extension = Path.GetExtension(file);
        for (var n = 1; ; n++)
        {
            var target = Path.Combine(folder, (n == 1 ? stem : $"{stem}_{n}") + extension);
            if (File.Exists(target) || File.Exists(target + ".reason.txt")) continue;
            try
            {
                File.Move(file, target, overwrite: false);
                return target;
            }
            catch (IOException) when (File.Exists(target) && File.Exists(file))
            {
                // Taken between the check and the move (another process archiving into the same folder): next name.
            }
        }
    }
}
