using System.Globalization;
using Monitor.Core.Measurements;

namespace Monitor.Cli;

/// <summary>A readable summary of a measurement or comparison, when no --json is asked for.</summary>
public static class Summary
{
    public static void Write(Measurement m, TextWriter output) => Write([("", m)], output, null);

    public static void Write(Comparison c, TextWriter output) =>
        Write([("baseline", c.Baseline), ("follow-up", c.Followup)], output, c);

    private static void Write(IReadOnlyList<(string Name, Measurement M)> columns, TextWriter output, Comparison? comparison)
    {
        foreach (var (name, m) in columns)
        {
            var region = m.Region is null ? "all regions" : m.Region;
            output.WriteLine($"{(name.Length > 0 ? name + ": " : "")}period {m.Period}, {region}, as of {m.AsOf:yyyy-MM-dd}, gap {m.GapDays} days");
        }
        Line(output, "youths", columns, m => m.Counts.Youths);
        Line(output, "episodes", columns, m => m.Counts.Episodes);
        Line(output, "exited in period", columns, m => m.Counts.ExitedInPeriod);
        Line(output, "exited by as-of date", columns, m => m.Counts.ExitedByAsOf);
        Line(output, "ongoing at as-of date", columns, m => m.Counts.OngoingAtAsOf);
        Line(output, "entries in period", columns, m => m.Counts.EntriesInPeriod);
        Line(output, "mean days, stock (all in care)", columns, m => m.Duration.MeanAll);
        Line(output, "mean days, exits", columns, m => m.Duration.MeanExitedInPeriod);
        Line(output, "median days, entries (Kaplan–Meier)", columns, m => m.EntryCohort.KmMedianDays);
        Line(output, "mean providers (multi-provider stays)", columns, m => m.Providers.MeanPerMultiProviderEpisode);
        Line(output, "placement moves per 1,000 days", columns, m => m.Providers.MovesPer1000Days);
        Line(output, "mean cost per episode (EUR)", columns, m => (double?)m.Cost.MeanEpisode);
        if (comparison is not null)
        {
            output.WriteLine($"Mann–Whitney (exit durations): U {Text(comparison.DurationExited?.U)}, p {P(comparison.DurationExited?.PValue)}");
            output.WriteLine($"log-rank (entry cohorts): chi2 {P(comparison.EntryCohort?.ChiSquare)}, p {P(comparison.EntryCohort?.PValue)}");
            if (comparison.WindowDays is null && comparison.Baseline.Period != comparison.Followup.Period)
                output.WriteLine("One as-of date for both periods: the later one has had less time to end its stays (see --window).");
        }
        foreach (var (name, m) in columns)
            foreach (var warning in m.Warnings)
                output.WriteLine($"warning{(name.Length > 0 ? $" ({name})" : "")}: {warning.Text}");
    }

    private static void Line(TextWriter output, string label, IReadOnlyList<(string, Measurement M)> columns, Func<Measurement, double?> value) =>
        output.WriteLine($"  {label,-40}" + string.Concat(columns.Select(c => $"{Text(value(c.M)),14}")));

    private static string P(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    private static string Text(double? value) =>
        value is { } v ? v.ToString(v == Math.Floor(v) ? "N0" : "N1", CultureInfo.InvariantCulture) : "–";
}
