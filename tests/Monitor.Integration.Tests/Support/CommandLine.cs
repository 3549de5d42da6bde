using Monitor.Cli;

namespace Monitor.Integration.Tests.Support;

/// <summary>Runs the `monitor` command line in-process, as a user would type it.</summary>
public static class CommandLine
{
    public sealed record Result(int Exit, string Out, string Err)
    {
        public override string ToString() => $"exit {Exit}\nstdout:\n{Out}\nstderr:\n{Err}";
    }

    public static Result Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandRunner.Run(MonitorCli.CreateRoot(), args, output, error);
        return new Result(exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs from within <paramref name="folder"/>: relative file names resolve there, as in the examples' READMEs.</summary>
    public static Result RunIn(TestFolder folder, params string[] args)
    {
        lock (WorkingDirectoryLock)
        {
            var previous = Environment.CurrentDirectory;
            Environment.CurrentDirectory = folder.Path;
            try
            {
                return Run(args);
            }
            finally
            {
                Environment.CurrentDirectory = previous;
            }
        }
    }

    private static readonly object WorkingDirectoryLock = new();
}
