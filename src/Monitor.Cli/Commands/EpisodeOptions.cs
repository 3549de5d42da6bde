using System.CommandLine;
using Monitor.Core;
using Monitor.Core.Domain;

namespace Monitor.Cli.Commands;

/// <summary>The episode-rule options that measure, compare, report and episodes share.</summary>
public sealed class EpisodeOptions
{
    public Option<string> AsOf { get; } = CommonOptions.AsOf();
    public Option<int?> GapDays { get; } = CommonOptions.GapDays();
    public Option<string?> ResidentialSet { get; } = CommonOptions.ResidentialSet();
    public Option<string?> SettingsFile { get; } = new("--settings") { Description = $"A settings file (JSON); default ${Settings.Variable}, else {Settings.FileName} beside the store." };

    public void AddTo(Command command)
    {
        command.Options.Add(AsOf);
        command.Options.Add(GapDays);
        command.Options.Add(ResidentialSet);
        command.Options.Add(SettingsFile);
    }

    /// <summary>The values, with the settings file's defaults where an option is not given.</summary>
    public (DateOnly AsOf, int GapDays, IReadOnlyList<CareType> ResidentialSet, Settings Settings) Resolve(ParseResult parsed)
    {
        var settings = Settings.Load(CommonOptions.DatabasePath(parsed), parsed.GetValue(SettingsFile));
        var gapDays = parsed.GetValue(GapDays) ?? settings.GapDays;
        if (gapDays < 0) throw new InvalidRequestException($"--gap-days cannot be negative ({gapDays})");
        return (CommonOptions.ParseDate(parsed.GetValue(AsOf)!, "--as-of"), gapDays, settings.ResidentialSetOr(parsed.GetValue(ResidentialSet)), settings);
    }

    public static void CheckAsOf(Period period, DateOnly asOf, string option)
    {
        if (asOf < period.To)
            throw new InvalidRequestException($"the as-of date {asOf:yyyy-MM-dd} is before the end of {option} {period} ({period.To:yyyy-MM-dd})");
    }
}
