using System.Text.RegularExpressions;
using Cronos;

namespace Monitor.Jobs;

/// <summary>
/// A pipeline's cron expression in its time zone, read the way Hangfire's scheduler reads it: Cronos (the
/// same version Hangfire.Core carries inside itself), five fields — <c>minute hour day-of-month month
/// day-of-week</c> — or six with seconds first. What the scheduler fires, <c>jobs health</c> expects and
/// the dashboard shows as the next run are therefore computed by one library.
/// <para>
/// Pipeline files written for the Quartz scheduler have six or seven fields, seconds first. Six fields mean
/// the same to Cronos (<c>?</c> included) except a day of the week given as a number (Quartz counts 1 =
/// Sunday, cron 0 = Sunday), so those are refused with the exact rewrite; so is a seventh field (a year),
/// which Cronos does not have. Refusing is safer than guessing: the operator changes one line, once.
/// </para>
/// </summary>
public sealed partial class PipelineSchedule
{
    private readonly CronExpression _cron;

    private PipelineSchedule(string expression, CronExpression cron, TimeZoneInfo zone) => (Expression, _cron, TimeZone) = (expression, cron, zone);

    /// <summary>The expression as written, which is what Hangfire is given.</summary>
    public string Expression { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>Reads <paramref name="text"/>; <paramref name="problem"/> says why it cannot be used, with the rewrite where there is one.</summary>
    public static bool TryParse(string text, TimeZoneInfo zone, out PipelineSchedule? schedule, out string? problem)
    {
        schedule = null;
        var fields = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        switch (fields.Length)
        {
            case 7:
                problem = fields[6] is "*" or "?"
                    ? $"'{text}' has seven fields: the seventh, a year, is Quartz's and not read any more; write '{Rewrite(fields[..6])}'"
                    : $"'{text}' names years ({fields[6]}), which the scheduler's cron cannot: write '{Rewrite(fields[..6])}' and disable the pipeline when it is done";
                return false;
            case 6 when QuartzDayNumber().IsMatch(fields[5]):
                problem = $"'{text}' gives the day of the week as a number, which Quartz counted from 1 = Sunday and the scheduler from 0 = Sunday: " +
                          $"write '{Rewrite(fields)}' (or use names: SUN, MON, …)";
                return false;
            case 5 or 6:
                break;
            default:
                problem = $"'{text}' has {fields.Length} field{(fields.Length == 1 ? "" : "s")}: write five, 'minute hour day-of-month month day-of-week' " +
                          "('30 2 * * *' is 02:30 every day), or six with seconds first";
                return false;
        }
        CronExpression cron;
        try
        {
            cron = CronExpression.Parse(text, fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            problem = $"'{text}' is not a cron expression: {e.Message.Replace("The given cron expression has an invalid format. ", "")}";
            return false;
        }
        if (cron.GetNextOccurrence(DateTimeOffset.UtcNow, zone) is null)
        {
            problem = $"'{text}' names no time from now on: it would never fire";
            return false;
        }
        schedule = new PipelineSchedule(text, cron, zone);
        problem = null;
        return true;
    }

    /// <summary>The first time the schedule names after <paramref name="after"/>, or null if none.</summary>
    public DateTimeOffset? Next(DateTimeOffset after) => _cron.GetNextOccurrence(after, TimeZone);

    /// <summary>The latest time the schedule names at or before <paramref name="atOrBefore"/>, or null if none in the last five years.</summary>
    public DateTimeOffset? Previous(DateTimeOffset atOrBefore)
    {
        // Cronos only looks forward: look back over growing windows, so that an every-second schedule costs
        // an hour's occurrences and a yearly one still finds last year's.
        foreach (var window in new[] { TimeSpan.FromHours(1), TimeSpan.FromDays(2), TimeSpan.FromDays(32), TimeSpan.FromDays(367), TimeSpan.FromDays(5 * 366) })
        {
            DateTimeOffset? last = null;
            foreach (var time in _cron.GetOccurrences(atOrBefore - window, atOrBefore, TimeZone, fromInclusive: true, toInclusive: true)) last = time;
            if (last is not null) return last;
        }
        return null;
    }

    /// <summary>A Quartz expression of six fields in the scheduler's dialect: five fields when the seconds are 0,
    /// <c>?</c> as <c>*</c>, and day-of-week numbers counted from 0 = Sunday.</summary>
    private static string Rewrite(string[] quartz)
    {
        var fields = quartz.Select(f => f == "?" ? "*" : f).ToArray();
        fields[5] = QuartzDayNumber().Replace(fields[5], m => m.Groups["prefix"].Value + (int.Parse(m.Groups["day"].Value) - 1));
        return string.Join(' ', fields[0] == "0" ? fields[1..] : fields);
    }

    /// <summary>A day number in a day-of-week field: not a step (<c>/2</c>) nor the n of <c>#n</c>.</summary>
    [GeneratedRegex(@"(?<prefix>^|[,\-])(?<day>[1-7])(?![0-9])")]
    private static partial Regex QuartzDayNumber();
}
