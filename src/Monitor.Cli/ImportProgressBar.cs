using Monitor.Ingest;
using Spectre.Console;

namespace Monitor.Cli;

/// <summary>
/// A progress bar per file while an import runs in an interactive terminal. When output is redirected
/// (a log file, cron, the scheduler) a plain line every 100,000 rows instead, so a long import shows it
/// is alive without flooding the log.
/// </summary>
public sealed class ImportProgressBar : IImportProgress
{
    private readonly ProgressContext _context;
    private ProgressTask? _task;
    private string _name = "";

    private ImportProgressBar(ProgressContext context) => _context = context;

    public static T Run<T>(TextWriter messages, Func<IImportProgress?, T> import)
    {
        var interactive = messages == Console.Out && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive) return import(new PlainProgress(messages));
        return AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context => import(new ImportProgressBar(context)));
    }

    public void Started(string file, long totalBytes)
    {
        _name = Markup.Escape(Path.GetFileName(file));
        _task = _context.AddTask(_name, maxValue: Math.Max(1, totalBytes));
    }

    public void Advanced(long bytesRead, int rowsRead)
    {
        if (_task is null) return;
        _task.Value = bytesRead;
        _task.Description = $"{_name} ({rowsRead:N0} rows)";
    }

    public void Finished(FileImportResult result)
    {
        if (_task is null) return;
        _task.Value = _task.MaxValue;
        _task.StopTask();
    }

    public void Waiting(string holder, TimeSpan waited)
    {
        _task ??= _context.AddTask(Markup.Escape("waiting for the store"), maxValue: 1);
        _task.Description = Markup.Escape($"waiting {waited.TotalSeconds:0} s: {holder} is writing to the store");
    }
}

/// <summary>Progress as plain lines, for redirected output.</summary>
internal sealed class PlainProgress(TextWriter messages) : IImportProgress
{
    public const int RowsPerLine = 100_000;
    private string _file = "";
    private int _nextLine;

    public void Started(string file, long totalBytes) => (_file, _nextLine, _nextWaitLine) = (file, RowsPerLine, TimeSpan.Zero);

    public void Advanced(long bytesRead, int rowsRead)
    {
        if (rowsRead < _nextLine) return;
        messages.WriteLine($"{_file}: {rowsRead:N0} rows read…");
        messages.Flush();
        _nextLine = (rowsRead / RowsPerLine + 1) * RowsPerLine;
    }

    public void Finished(FileImportResult result)
    {
    }

    private TimeSpan _nextWaitLine;

    /// <summary>A line when the wait begins, then every 30 seconds: a long wait is normal, not a hang.</summary>
    public void Waiting(string holder, TimeSpan waited)
    {
        if (waited < _nextWaitLine) return;
        messages.WriteLine($"waiting for the store's write lock ({waited.TotalSeconds:0} s so far): {holder} is writing to it");
        messages.Flush();
        _nextWaitLine = waited + TimeSpan.FromSeconds(30);
    }
}
