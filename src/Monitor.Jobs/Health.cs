using System.Globalization;
using Monitor.Store;

namespace Monitor.Jobs;

/// <summary>The verdict of <c>monitor jobs health</c>: healthy, or one line per pipeline that is not.</summary>
public sealed record HealthReport(IReadOnlyList<string> Problems)
{
    public bool Healthy => Problems.Count == 0;

    /// <summary>One line: "ok", or the problems joined.</summary>
    public override string ToString() => Healthy ? "ok" : string.Join("; ", Problems);
}

/// <summary>
/// Whether last night went as it should, for a monitoring system to ask each morning. For every enabled
/// pipeline: its latest run must not have failed, been cancelled or interrupted, nor have rejected a file
/// (the data is then not all in the store: someone has to act); and it must not be older than the
/// schedule allows — the latest time the cron expression named, at least <c>health.grace_minutes</c>
/// ago, must have seen a run start (by the scheduler or by hand). Built on the product's own run
/// history rather than Quartz's health check, so it answers the same for cron and systemd users, and
/// when the scheduler is not running at all (which is then exactly what it should say).
/// </summary>
public static class Health
{
    public static HealthReport Check(IEnumerable<PipelineDefinition> pipelines, MonitorStore store, DateTimeOffset now)
    {
        var problems = new List<string>();
        foreach (var pipeline in pipelines.Where(p => p.Enabled).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (Problem(pipeline, store.Runs(pipeline.Name, limit: 1).FirstOrDefault(), now) is { } problem)
                problems.Add($"{pipeline.Name}: {problem}");
        }
        return new HealthReport(problems);
    }

    private static string? Problem(PipelineDefinition pipeline, PipelineRun? last, DateTimeOffset now)
    {
        if (last is null) return "no run recorded yet";
        var when = $"run #{last.Id} ({Local(last.StartedAt, pipeline)})";
        switch (last.Status)
        {
            case RunStatus.Failed:
                return $"the last {when} failed: {last.Error}";
            case RunStatus.Cancelled or RunStatus.Interrupted:
                return $"the last {when} did not finish: {last.Status}";
            case RunStatus.SucceededWithRejections:
                return $"the last {when} rejected {last.FilesRejected} file{(last.FilesRejected == 1 ? "" : "s")} " +
                       $"(moved to {pipeline.Inbox?.Failed ?? "the failed folder"}; monitor jobs show {last.Id})";
        }
        // Running or succeeded: is it recent enough? The schedule's latest time that is at least the grace
        // period ago must have seen a run start.
        var due = pipeline.Schedule.GetPreviousValidTimeBefore(now - pipeline.HealthGrace);
        if (due is { } d && last.StartedAt < d.UtcDateTime)
        {
            return $"the last {when} is older than the schedule allows: '{pipeline.Cron}' ({pipeline.TimeZone.Id}) called for one at " +
                   $"{Local(d.UtcDateTime, pipeline)}";
        }
        return null;
    }

    private static string Local(DateTime utc, PipelineDefinition pipeline) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), pipeline.TimeZone)
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
