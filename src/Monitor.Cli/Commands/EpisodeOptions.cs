using System.CommandLine;
using Monitor.Core;
using Monitor.Core.Domain;
using Monitor.Core.Measurements;
using Monitor.Store;

namespace Monitor.Cli.Commands;

/// <summary>The episode-rule options that measure, compare, report, did and episodes share: the as-of date
/// (a date, <c>latest</c>, or a window after each period), the gap rule, the residential set, the settings file.</summary>
public sealed class EpisodeOptions
{
    /// <param name="window">Whether the command offers <c>--window N</c> (not for <c>episodes</c>, which has no period).</param>
    public EpisodeOptions(bool window = true)
    {
        Window = window ? new Option<int?>("--window") { Description = CommonOptions.WindowDescription } : null;
    }

    public Option<string?> AsOf { get; } = CommonOptions.AsOf();
    public Option<int?>? Window { get; }
    public Option<int?> GapDays { get; } = CommonOptions.GapDays();
    public Option<string?> ResidentialSet { get; } = CommonOptions.ResidentialSet();
    public Option<string?> SettingsFile { get; } = new("--settings") { Description = $"A settings file (JSON); default ${Settings.Variable}, else {Settings.FileName} beside the store." };

    public void AddTo(Command command)
    {
        command.Options.Add(AsOf);
        if (Window is not null) command.Options.Add(Window);
        command.Options.Add(GapDays);
        command.Options.Add(ResidentialSet);
        command.Options.Add(SettingsFile);
    }

    /// <summary>The values, with the settings file's defaults where an option is not given. The as-of choice
    /// is null when neither <c>--as-of</c> nor <c>--window</c> is given.</summary>
    /// <exception cref="UsageException">Both <c>--as-of</c> and <c>--window</c>, or a value that does not parse.</exception>
    public (AsOfChoice? AsOf, int GapDays, IReadOnlyList<CareType> ResidentialSet, Settings Settings) Resolve(ParseResult parsed)
    {
        var settings = Settings.Load(CommonOptions.DatabasePath(parsed), parsed.GetValue(SettingsFile));
        var gapDays = parsed.GetValue(GapDays) ?? settings.GapDays;
        if (gapDays < 0) throw new InvalidRequestException($"--gap-days cannot be negative ({gapDays})");
        var (asOfText, window) = (parsed.GetValue(AsOf), Window is null ? null : parsed.GetValue(Window));
        if (asOfText is not null && window is not null)
            throw new UsageException("give --as-of or --window, not both (--as-of D|latest: one date for every measurement; --window N: each period's end plus N days)");
        AsOfChoice? choice = window is { } days ? AsOfChoice.OfWindow(days)
            : asOfText is null ? null
            : asOfText == "latest" ? AsOfChoice.OfLatest
            : AsOfChoice.Of(CommonOptions.ParseDate(asOfText, "--as-of"));
        return (choice, gapDays, settings.ResidentialSetOr(parsed.GetValue(ResidentialSet)), settings);
    }

    /// <summary>The as-of choice a command cannot do without.</summary>
    /// <exception cref="UsageException">Neither option was given.</exception>
    public AsOfChoice Required(AsOfChoice? choice) => choice ?? throw new UsageException(Window is null
        ? "--as-of is required (a date yyyy-MM-dd, or latest)"
        : "give --as-of or --window (--as-of D|latest: one date for every measurement; --window N: each period's end plus N days)");

    /// <summary>Says which date <c>--as-of latest</c> took, as PROTOCOL.md 5 asks: on standard error when
    /// standard output carries a document, else with the rest of the output.</summary>
    public static void TellLatest(AsOfChoice choice, Analysis analysis, ParseResult parsed, bool documentOnStdout)
    {
        if (choice is not AsOfChoice.Latest) return;
        var latest = analysis.Latest;
        var writer = documentOnStdout ? parsed.InvocationConfiguration.Error : parsed.InvocationConfiguration.Output;
        writer.WriteLine($"--as-of latest: {latest.Date:yyyy-MM-dd} ({latest.Explanation})");
    }
}
