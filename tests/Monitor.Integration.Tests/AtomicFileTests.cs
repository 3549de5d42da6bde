using Monitor.Integration.Tests.Support;
using Monitor.Store;

namespace Monitor.Integration.Tests;

/// <summary>A file written with <see cref="AtomicFile"/> is some writer's whole text, also when writers of one process race.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void WritersOfOneFileInOneProcessEachWriteAWholeText()
    {
        var path = _folder.File("kept.json");
        var texts = new[] { new string('a', 1_000_000), new string('b', 1_000_001) };
        // Both writers start each round at once (two reports of the scheduler keeping the same trend year).
        using var start = new Barrier(texts.Length);
        var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var writers = texts.Select(text => new Thread(() =>
        {
            for (var round = 0; round < 200; round++)
            {
                start.SignalAndWait();
                try
                {
                    AtomicFile.Write(path, text);
                }
                catch (IOException e)
                {
                    failures.Add(e);
                }
            }
        })).ToList();
        foreach (var writer in writers) writer.Start();
        foreach (var writer in writers) writer.Join();
        Assert.Empty(failures);
        Assert.Contains(File.ReadAllText(path), texts);
        Assert.Equal(["kept.json"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }
}
