namespace Monitor.Integration.Tests.Support;

/// <summary>A fresh temporary folder per test, removed afterwards.</summary>
public sealed class TestFolder : IDisposable
{
    public TestFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "monitor-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Db => File("monitor.db");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a text file with exactly these characters (no BOM unless given).</summary>
    public string Write(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text, new System.Text.UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = File(name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Copies the files of an example case here, byte for byte.</summary>
    public void CopyExample(string caseName)
    {
        foreach (var file in Directory.GetFiles(ExamplePath(caseName)))
            System.IO.File.Copy(file, File(System.IO.Path.GetFileName(file)));
    }

    public static string ExamplePath(string caseName) => System.IO.Path.Combine(AppContext.BaseDirectory, "Examples", caseName);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the temp folder is cleaned eventually.
        }
    }
}
