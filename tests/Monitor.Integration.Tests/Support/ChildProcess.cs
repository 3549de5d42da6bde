using System.Diagnostics;

namespace Monitor.Integration.Tests.Support;

/// <summary>Runs the built `monitor` in a process of its own, for what in-process runs cannot show: a kill,
/// or an environment of its own.</summary>
public static class ChildProcess
{
    public static Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>The environment of a child whose import holds, transaction open, after the first progress line
    /// (100,000 rows read) until it is killed or stopped: see <c>Monitor.Ingest.FaultHold</c>.</summary>
    public static Dictionary<string, string> HoldingImport(IReadOnlyDictionary<string, string>? environment = null) =>
        new(environment ?? new Dictionary<string, string>()) { ["MONITOR_FAULT_HOLD_IMPORT_AFTER_ROWS"] = "100000" };

    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args) => Start(environment, args, null);

    public static Process Start(IReadOnlyDictionary<string, string> environment, string[] args, string? workingDirectory)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Never the test host's own folder: CommandLine.RunIn changes it for a moment to a test's folder, which that
            // test deletes when done, and a child started meanwhile would run in a folder that no longer exists.
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "monitor.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        return Process.Start(info)!;
    }
}

/// <summary>A finished child: its exit status and what it printed.</summary>
public static class ChildProcessRun
{
    public static CommandLine.Result Run(IReadOnlyDictionary<string, string> environment, params string[] args) => Run(environment, args, null);

    public static CommandLine.Result Run(IReadOnlyDictionary<string, string> environment, string[] args, string? workingDirectory)
    {
        using var process = ChildProcess.Start(environment, args, workingDirectory);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return new CommandLine.Result(process.ExitCode, output.Result, error);
    }
}
