using System.CommandLine;
using Monitor.Core;
using Monitor.Core.Domain;
using Monitor.Core.Measurements;
using Monitor.Research;
using Monitor.Store;

namespace Monitor.Cli.Commands;

/// <summary><c>monitor export</c>: the episodes and segments behind the figures, for R, pandas and DuckDB.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "The as-of date (yyyy-MM-dd), or latest (the earliest coverage date of an extract with open segments). Give this or --window." };
        var window = new Option<int?>("--window") { Description = "N: read the period at its end + N days (needs --period)." };
        var period = new Option<string?>("--period") { Description = "A period (year or yyyy-MM-dd..yyyy-MM-dd): adds its cohort flags (in_cohort, exited_in_period, ...)." };
        var region = new Option<string?>("--region") { Description = "With --period: the cohort flags count only episodes whose municipality lies in this region (every episode is still exported, with its region)." };
        var topN = new Option<int?>("--top-n") { Description = "N of the top_n flag (default 25)." };
        var output = new Option<string>("--out") { Description = "The folder to write (replaced whole when the export is complete).", Required = true };
        var format = new Option<string>("--format") { Description = "parquet (default) or csv.", DefaultValueFactory = _ => "parquet" };
        var gapDays = CommonOptions.GapDays();
        var residentialSet = CommonOptions.ResidentialSet();
        var settingsFile = new Option<string?>("--settings") { Description = $"A settings file (JSON); default ${Settings.Variable}, else {Settings.FileName} beside the store." };
        var command = new Command("export", "Export the episodes and segments (pseudonymised rows, not publishable figures) with a data dictionary, as Parquet or CSV, for R, pandas and DuckDB.")
            { asOf, window, period, region, topN, output, format, gapDays, residentialSet, settingsFile };
        command.SetAction(async (parsed, cancellation) =>
        {
            var settings = Settings.Load(CommonOptions.DatabasePath(parsed), parsed.GetValue(settingsFile));
            var gap = parsed.GetValue(gapDays) ?? settings.GapDays;
            if (gap < 0) throw new UsageException($"--gap-days cannot be negative ({gap})");
            var thePeriod = parsed.GetValue(period) is { } text ? CommonOptions.ParsePeriod(text, "--period") : (Period?)null;
            var theFormat = parsed.GetValue(format) switch
            {
                "parquet" => ExportFormat.Parquet,
                "csv" => ExportFormat.Csv,
                var other => throw new UsageException($"--format must be parquet or csv ('{other}')"),
            };
            var choice = ChooseAsOf(parsed.GetValue(asOf), parsed.GetValue(window), thePeriod);

            using var store = MonitorStore.OpenExisting(CommonOptions.DatabasePath(parsed));
            LatestAsOf? latest = null;
            var date = choice.For(thePeriod ?? new Period(DateOnly.MinValue, DateOnly.MinValue),
                () => (latest = store.LatestAsOf() ?? throw new InvalidRequestException($"no segment stored yet in {store.Path}")).Date, "--period");
            var asOfSource = latest is null ? null : $"--as-of latest: {latest.Explanation}";
            if (asOfSource is not null) parsed.InvocationConfiguration.Output.WriteLine($"--as-of latest: {date:yyyy-MM-dd} ({latest!.Explanation})");
            var request = new FrameRequest(date, gap, settings.ResidentialSetOr(parsed.GetValue(residentialSet)), thePeriod, parsed.GetValue(region),
                parsed.GetValue(topN) ?? settings.TopN);
            var windowDays = choice.WindowDays;
            ExportResult result;
            try
            {
                result = await ResearchExport.WriteAsync(store, request, parsed.GetValue(output)!, theFormat, windowDays, asOfSource);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot write {parsed.GetValue(output)}: {e.Message}");
            }
            var console = parsed.InvocationConfiguration.Output;
            console.WriteLine($"{result.Episodes:N0} episodes and {result.Segments:N0} segments as of {date:yyyy-MM-dd} in {result.Folder} " +
                              "(with dictionary.csv and parameters.json)");
            console.WriteLine("These are pseudonymised rows, not publishable figures: keep them inside the organisation (PROTOCOL.md 8).");
            return ExitCodes.Done;
        });
        return command;
    }

    /// <summary>Exactly one of <c>--as-of D|latest</c> and <c>--window N</c> (PROTOCOL.md 5); a window needs a period.</summary>
    private static AsOfChoice ChooseAsOf(string? asOf, int? window, Period? period)
    {
        if (asOf is not null && window is not null) throw new UsageException("give --as-of or --window, not both");
        if (window is { } n)
        {
            if (period is null) throw new UsageException("--window needs --period: the as-of date is the period's end + N days");
            return AsOfChoice.OfWindow(n);
        }
        if (asOf is null) throw new UsageException("give --as-of D|latest, or --window N with --period");
        return asOf == "latest" ? AsOfChoice.OfLatest : AsOfChoice.Of(CommonOptions.ParseDate(asOf, "--as-of"));
    }
}
