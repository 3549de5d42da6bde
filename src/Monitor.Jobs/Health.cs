using Monitor.Store;

namespace Monitor.Jobs;

/// <summary>How one pipeline is doing: its problems (none when healthy) and what the dashboard shows beside them.</summary>
/// <param name="Name">The pipeline, or the file name of a pipeline file that cannot be used.</param>
/// <param name="Problems">Why it is not healthy, one sentence each.</param>
/// <param name="LastRun">Its latest run, or null.</param>
/// <param name="NextRun">The next time its cron names, or null.</param>
/// <param name="OpenRejections">Files in its failed folder that nobody has dealt with yet.</param>
/// <param name="Unmatched">Files in its inbox that match no pattern.</param>
public sealed record PipelineHealth(
    string Name,
    IReadOnlyList<string> Problems,
    PipelineRun? LastRun = null,
    DateTimeOffset? NextRun = null,
    IReadOnlyList<RejectedFile>? OpenRejections = null,
    IReadOnlyList<InboxFile>? Unmatched = null)
{
    public PipelineDefinition? Definition { get; init; }
}

/// <summary>The verdict of <c>monitor jobs health</c> and the dashboard's health page.</summary>
public sealed record HealthReport(IReadOnlyList<PipelineHealth> Pipelines, IReadOnlyList<string> General)
{
    /// <summary>Every problem, each prefixed with its pipeline.</summary>
    public IReadOnlyList<string> Problems =>
        [.. General, .. Pipelines.SelectMany(p => p.Problems.Select(problem => $"{p.Name}: {problem}"))];

    public bool Healthy => Problems.Count == 0;

    /// <summary>One line: "ok", or the problems joined.</summary>
    public override string ToString() => Healthy ? "ok" : string.Join("; ", Problems);
}

/// <summary>
/// Whether last night went as it should, and whether anything still needs someone, for a monitoring system
/// to ask each morning. Built on the product's own run history rather than on the scheduler, so it answers
/// the same for cron and systemd users, and when the scheduler is not running at all. Every enabled pipeline:
/// <list type="bullet">
/// <item>its latest run must not have failed, been cancelled or interrupted (a later run clears these);</item>
/// <item>its failed folder must hold no file that nobody has dealt with: a rejected file stays an alarm —
/// whatever later nights did — until it is moved away or its run acknowledged (<c>monitor jobs ack RUN</c>);
/// a file there that no run recorded (a run killed right after moving it) stays one until it is moved;</item>
/// <item>no run not yet acknowledged may have refused more than <c>health.max_refused_share</c> of its rows;</item>
/// <item>its inbox must hold no file that matches no pattern (a provider's spreadsheet nobody would hear of);</item>
/// <item>it must not be older than the schedule allows: the latest time its cron named, at least
/// <c>health.grace_minutes</c> ago, must have seen a run start.</item>
/// </list>
/// A pipeline file that cannot be used is a problem of its own, and the others are still judged.
/// </summary>
public static class Health
{
    public static HealthReport Check(IReadOnlyList<PipelineDefinition> pipelines, IReadOnlyList<PipelineProblem> unusable, MonitorStore store, DateTimeOffset now)
    {
        var general = new List<string>();
        if (!pipelines.Any(p => p.Enabled) && unusable.Count == 0) general.Add("no enabled pipeline: nothing is scheduled");
        var verdicts = unusable.GroupBy(p => p.File)
            .Select(g => new PipelineHealth(Path.GetFileName(g.Key), g.Select(p => $"cannot be used: {(p.Field.Length == 0 ? "" : p.Field + ": ")}{p.Reason}").ToList()))
            .ToList();
        foreach (var pipeline in pipelines.Where(p => p.Enabled).OrderBy(p => p.Name, StringComparer.Ordinal))
            verdicts.Add(Judge(pipeline, store, now));
        return new HealthReport(verdicts.OrderBy(v => v.Name, StringComparer.Ordinal).ToList(), general);
    }

    private static PipelineHealth Judge(PipelineDefinition pipeline, MonitorStore store, DateTimeOffset now)
    {
        var problems = new List<string>();
        var last = store.Runs(pipeline.Name, limit: 1).FirstOrDefault();
        if (last is null) problems.Add("no run recorded yet");
        else if (LastRunProblem(pipeline, last, store) is { } problem) problems.Add(problem);

        var rejected = OpenRejections(pipeline, store);
        foreach (var byRun in rejected.GroupBy(f => f.RunId))
        {
            var names = string.Join(", ", byRun.Select(f => Path.GetFileName(f.MovedTo ?? f.FileName)));
            problems.Add(byRun.Key == 0
                ? $"{pipeline.Inbox!.Failed} holds {names}, which no run recorded (a run cut off right after moving it): deal with it, then move it away"
                : $"run #{byRun.Key} ({Time(byRun.First().RunStartedAt, pipeline)}) rejected {names}, still in {pipeline.Inbox!.Failed}: " +
                  $"deal with it, then move it away or run 'monitor jobs ack {byRun.Key}'");
        }
        foreach (var run in store.RunsRefusingMoreThan(pipeline.Name, pipeline.MaxRefusedShare))
        {
            problems.Add($"run #{run.Id} ({Time(run.StartedAt, pipeline)}): {RunSummary.Refused(run)}, more than health.max_refused_share " +
                         $"({RunSummary.Percent(pipeline.MaxRefusedShare)}): see 'monitor quarantine', then 'monitor jobs ack {run.Id}'");
        }
        var unmatched = pipeline.Inbox is { } inbox ? InboxScanner.Unmatched(inbox) : [];
        if (unmatched.Count > 0)
        {
            problems.Add($"{pipeline.Inbox!.Folder} holds {string.Join(", ", unmatched.Select(f => f.Name))}, which match{(unmatched.Count == 1 ? "es" : "")} no pattern " +
                         $"({pipeline.Inbox.Pattern}) and {(unmatched.Count == 1 ? "is" : "are")} never imported: move {(unmatched.Count == 1 ? "it" : "them")}, or name {(unmatched.Count == 1 ? "it" : "them")} in inbox.ignore");
        }
        if (last is not null && Stale(pipeline, last, now) is { } stale) problems.Add(stale);
        return new PipelineHealth(pipeline.Name, problems, last, pipeline.Schedule.Next(now), rejected, unmatched) { Definition = pipeline };
    }

    private static string? LastRunProblem(PipelineDefinition pipeline, PipelineRun last, MonitorStore store)
    {
        var when = $"run #{last.Id} ({Time(last.StartedAt, pipeline)})";
        switch (last.Status)
        {
            case RunStatus.Failed:
                return $"the last {when} failed: {last.Error}";
            case RunStatus.Cancelled or RunStatus.Interrupted:
                return $"the last {when} did not finish: {last.Status}";
            case RunStatus.Running when !IsAlive(pipeline, store):
                // No process holds the pipeline's lock, so none is running it: it was killed. The next run records it.
                return $"the last {when} did not finish: the process ended while it ran (killed, or the machine stopped)";
            default:
                return null;
        }
    }

    /// <summary>The rejected files still in the failed folder and not acknowledged, and files there that no run recorded (run 0).</summary>
    private static List<RejectedFile> OpenRejections(PipelineDefinition pipeline, MonitorStore store)
    {
        if (pipeline.Inbox is not { } inbox) return [];
        var recorded = store.RejectedFiles(pipeline.Name, acknowledgedToo: true);
        var unacknowledged = store.RejectedFiles(pipeline.Name).Select(f => f.MovedTo).ToHashSet();
        var open = recorded.Where(f => f.MovedTo is not null && File.Exists(f.MovedTo) && unacknowledged.Contains(f.MovedTo)).ToList();
        if (Directory.Exists(inbox.Failed))
        {
            var known = recorded.Select(f => f.MovedTo).ToHashSet();
            foreach (var path in Directory.EnumerateFiles(inbox.Failed).Order(StringComparer.Ordinal))
            {
                if (path.EndsWith(".reason.txt", StringComparison.Ordinal) || Path.GetFileName(path).StartsWith('.') || known.Contains(path)) continue;
                open.Add(new RejectedFile(0, pipeline.Name, DateTime.MinValue, Path.GetFileName(path), path, null));
            }
        }
        return open;
    }

    private static string? Stale(PipelineDefinition pipeline, PipelineRun last, DateTimeOffset now)
    {
        // The schedule's latest time that is at least the grace period ago must have seen a run start.
        var due = pipeline.Schedule.Previous(now - pipeline.HealthGrace);
        if (due is not { } d || last.StartedAt >= d.UtcDateTime) return null;
        return $"the last run #{last.Id} ({Time(last.StartedAt, pipeline)}) is older than the schedule allows: '{pipeline.Cron}' called for one at " +
               $"{ZonedTime.Format(d, pipeline.TimeZone)}";
    }

    /// <summary>Whether a process holds the pipeline's lock. Probing takes the lock for an instant; a run starting in
    /// that instant waits for it (the scheduler's runs wait a few seconds for the lock).</summary>
    private static bool IsAlive(PipelineDefinition pipeline, MonitorStore store)
    {
        using var free = PipelineLock.TryAcquire(store.Location, pipeline.Name);
        return free is null;
    }

    private static string Time(DateTime utc, PipelineDefinition pipeline) => ZonedTime.Format(utc, pipeline.TimeZone);
}
