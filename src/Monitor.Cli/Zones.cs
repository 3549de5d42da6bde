using Monitor.Jobs;

namespace Monitor.Cli;

/// <summary>
/// The zone each pipeline's times are shown in (its <c>time_zone</c>), for the commands that list runs and
/// imports. Pipeline files that cannot be read are skipped here (they are reported where they matter: by
/// <c>jobs health</c>); a pipeline without a usable file, and an import by hand, show Europe/Amsterdam.
/// </summary>
public sealed class Zones(IReadOnlyDictionary<string, TimeZoneInfo> byPipeline)
{
    public static TimeZoneInfo Default { get; } = TimeZoneInfo.FindSystemTimeZoneById(PipelineLoader.DefaultTimeZone);

    public static Zones Load(string pipelinesFolder)
    {
        if (!Directory.Exists(pipelinesFolder)) return new Zones(new Dictionary<string, TimeZoneInfo>());
        var (pipelines, _) = PipelineLoader.LoadEach(pipelinesFolder, Commands.PipelineCommand.Steps);
        return new Zones(pipelines.ToDictionary(p => p.Name, p => p.TimeZone));
    }

    public TimeZoneInfo For(string? pipeline) => pipeline is not null && byPipeline.TryGetValue(pipeline, out var zone) ? zone : Default;
}
