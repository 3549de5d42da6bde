using Monitor.Store;
using Polly;

namespace Monitor.Jobs;

/// <summary>
/// Records a run as it goes, in the store's <c>pipeline_run</c>, <c>pipeline_step</c> and
/// <c>pipeline_file</c> tables (the SQL is in <c>MonitorStore.Runs.cs</c>). It has a connection of its own,
/// apart from the ones the steps import and measure with, and writes one statement at a time, outside
/// their transactions; a write that meets a locked store is retried like any step.
/// </summary>
internal sealed class RunHistory : IDisposable
{
    private readonly MonitorStore _store;
    private readonly ResiliencePipeline _retry;

    private RunHistory(MonitorStore store, ResiliencePipeline retry) => (_store, _retry) = (store, retry);

    public static RunHistory Open(string databasePath, RetrySettings settings, ResiliencePipeline retry) =>
        new(retry.Execute(() => MonitorStore.Open(databasePath, settings.LockTimeout)), retry);

    /// <summary>Marks the runs a process that died left "running" as interrupted. Hold the pipeline's lock.</summary>
    public int MarkInterrupted(string pipeline) => _retry.Execute(() => _store.MarkInterrupted(pipeline));

    public long Start(string pipeline, RunRequest request, DateTime startedAt) =>
        _retry.Execute(() => _store.StartRun(pipeline, request.StartedBy, request.ScheduledFor, startedAt));

    public void Step(PipelineRunStep step) => _retry.Execute(() => _store.RecordStep(step));

    public void File(PipelineRunFile file) => _retry.Execute(() => _store.RecordFile(file));

    /// <summary>Whether the store holds any segment to measure.</summary>
    public bool HoldsSegments() => _retry.Execute(() => _store.LatestStart() is not null);

    public void Finish(PipelineRun run) => _retry.Execute(() => _store.FinishRun(run));

    public (PipelineRun Run, IReadOnlyList<PipelineRunStep> Steps, IReadOnlyList<PipelineRunFile> Files) Read(long runId) =>
        _retry.Execute(() => (_store.Run(runId)!, _store.RunSteps(runId), _store.RunFiles(runId)));

    public void Dispose() => _store.Dispose();
}
