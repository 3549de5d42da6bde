namespace Monitor.Store;

/// <summary>Writes a file whole or not at all: a reader (a dashboard, a colleague's script) never sees half
/// of last night's document, and a killed run leaves yesterday's in place.</summary>
public static class AtomicFile
{
    public static void Write(string path, string text)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        // Its own temporary name per call: two writers of one file in one process (one trend year of two reports) never
        // write into each other's.
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true); // rename(2): atomic on one file system
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
