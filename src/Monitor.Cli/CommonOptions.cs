using System.CommandLine;
using System.Globalization;
using Monitor.Core.Domain;

namespace Monitor.Cli;

/// <summary>Options and small helpers that several commands share.</summary>
public static class CommonOptions
{
    public const string DatabaseVariable = "MONITOR_DB";

    public static readonly Option<string?> Database = new("--db")
    {
        Description = $"The store: a SQLite file, or a PostgreSQL database as postgresql://USER:PASSWORD@HOST:PORT/DATABASE (server mode; the password may also come from PGPASSWORD or ~/.pgpass). Default: ${DatabaseVariable}, else monitor.db in the working folder. Created when missing by the commands that write it (import, pipeline run, scheduler run, demo); the others say 'no store at PATH'.",
        Recursive = true,
    };

    public static Option<string?> Json(string what) => new("--json")
    {
        Description = $"Write {what} as JSON to this file ('-' for standard output).",
    };

    public static Option<string?> AsOf() => new("--as-of")
    {
        Description = "The as-of date (peildatum), yyyy-MM-dd, or 'latest' (the earliest coverage date of an extract with open " +
                      "segments): later starts are ignored, later ends count as open. One date for every measurement.",
    };

    public const string WindowDescription =
        "Read each measurement at its own period's end plus N days (N >= 0): baseline and follow-up get the same " +
        "time to end their stays. Instead of --as-of. See docs/definitions.md.";

    public static Option<int?> GapDays() => new("--gap-days")
    {
        Description = "Days without residential care that still count as the same stay (default 7; settings file: gap_days).",
    };

    public static Option<string?> ResidentialSet() => new("--residential-set")
    {
        Description = "Care types that make up a stay, comma-separated (default verblijf,gezinshuis,gesloten,crisis; settings file: residential_set).",
    };

    public static Option<string?> Region() => new("--region")
    {
        Description = "Only episodes whose municipality lies in this youth-care region (as in the regions file).",
    };

    public static string DatabasePath(ParseResult parsed) =>
        parsed.GetValue(Database) ?? Environment.GetEnvironmentVariable(DatabaseVariable) ?? "monitor.db";

    public static DateOnly ParseDate(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"{option} '{text}' is not a date (yyyy-MM-dd)");

    public static Period ParsePeriod(string text, string option) =>
        Period.TryParse(text, out var period, out var error) ? period : throw new UsageException($"{option}: {error}");

    /// <summary>Writes a document to a file, or to standard output for '-'.</summary>
    public static void WriteOutput(string target, string text, TextWriter standardOutput)
    {
        if (target == "-")
        {
            standardOutput.Write(text);
            return;
        }
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(target)) is { } directory) Directory.CreateDirectory(directory);
            File.WriteAllText(target, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {target}: {e.Message}");
        }
    }

    /// <summary>The two regions of <c>--regions A,B</c>; (null, null) without it.</summary>
    public static (string? A, string? B) RegionPair(string? pair, string? single)
    {
        if (pair is null) return (null, null);
        if (single is not null) throw new UsageException("use --region or --regions, not both");
        var names = pair.Split(',', StringSplitOptions.TrimEntries);
        if (names.Length != 2 || names.Any(n => n.Length == 0)) throw new UsageException($"--regions takes two regions, A,B ('{pair}')");
        return (names[0], names[1]);
    }
}
