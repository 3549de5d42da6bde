using System.CommandLine;
using Monitor.Core;
using Monitor.Store;

namespace Monitor.Cli;

/// <summary>The exit statuses of PROTOCOL.md 7.</summary>
public static class ExitCodes
{
    public const int Done = 0;
    public const int Unexpected = 1;
    public const int Rejected = 2;
    /// <summary><c>pipeline run</c>: a step failed, or the run was stopped; <c>jobs health</c>: not healthy.</summary>
    public const int Failed = 3;
    /// <summary><c>pipeline run</c>: another run of the pipeline is under way; nothing was done.</summary>
    public const int Busy = 4;
}

/// <summary>An argument or input that does not make sense: exit 2 with this one-line message.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>Parses, runs, and turns failures into the protocol's exit statuses and one-line messages.</summary>
public static partial class CommandRunner
{
    /// <summary>The last line of defence for server mode: a store URL in a message loses its password. The store only
    /// ever says <c>postgresql://USER@HOST:PORT/DB</c>; this catches whatever else might echo what the user typed.</summary>
    public static string WithoutPasswords(string message) => UrlPassword().Replace(message, "$1@");

    [System.Text.RegularExpressions.GeneratedRegex(@"(postgres(?:ql)?://[^:/@\s]*):[^@\s]*@", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex UrlPassword();

    public static int Run(RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) error.WriteLine($"monitor: {e.Message}");
            error.WriteLine("Run 'monitor --help' or 'monitor COMMAND --help' for usage.");
            return ExitCodes.Rejected;
        }
        try
        {
            // Every command resolves paths against the working folder (the settings file at the least); a folder removed
            // under a running shell would otherwise surface as a nameless FileNotFoundException.
            _ = Directory.GetCurrentDirectory();
        }
        catch (IOException)
        {
            error.WriteLine("monitor: the current folder no longer exists: change to a folder that does and run the command again");
            return ExitCodes.Rejected;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is UsageException or InvalidRequestException or StoreException)
        {
            error.WriteLine($"monitor: {WithoutPasswords(e.Message)}");
            return ExitCodes.Rejected;
        }
        catch (Exception e)
        {
            // Unexpected: the type and message, never a stack of values (they could hold personal data).
            error.WriteLine($"monitor: unexpected error: {e.GetType().Name}: {WithoutPasswords(e.Message)}");
            return ExitCodes.Unexpected;
        }
    }
}
