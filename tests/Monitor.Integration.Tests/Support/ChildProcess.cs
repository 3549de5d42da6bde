using System.Diagnostics;

namespace Monitor.Integration.Tests.Support;

/// <summary>Runs the built `monitor` in a process of its own, for what in-process runs cannot show: a kill.</summary>
public static class ChildProcess
{
    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "monitor.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }
}
