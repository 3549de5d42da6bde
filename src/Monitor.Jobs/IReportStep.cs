using System.Text.Json;

namespace Monitor.Jobs;

/// <summary>
/// The seam for the <c>report</c> step. The HTML report is built elsewhere (a <c>monitor report</c> command
/// and a Monitor.Reporting API); the program that runs pipelines registers its implementation in
/// <see cref="PipelineSteps"/>. Without one, a pipeline that lists <c>report</c> is refused when it is
/// loaded: "step 'report' is not available in this build".
/// </summary>
public interface IReportStep
{
    /// <summary>Checks the step's parameters when the pipeline is loaded, so the scheduler never starts half-configured.</summary>
    /// <param name="parameters">The step's object as written, <c>step</c> included.</param>
    /// <returns>Each problem: the field (as <c>steps[2].out</c> would name it, without the prefix) and why.</returns>
    IEnumerable<(string Field, string Reason)> Check(JsonElement parameters);

    /// <summary>Writes the report. Throw to fail the step: an exception that <see cref="Retries.IsTransient"/>
    /// calls transient (the store busy, an I/O error) is retried under the pipeline's retry policy.</summary>
    /// <returns>The file written (recorded as the step's output).</returns>
    string Run(ReportStepContext context, CancellationToken cancellationToken);
}

/// <summary>What a report step is given.</summary>
/// <param name="DatabasePath">The store.</param>
/// <param name="LockTimeout">How long one try waits for the store's write lock (pass it to <c>MonitorStore.Open</c>).</param>
/// <param name="Step">The step as defined: its parameters and the folder relative paths resolve against.</param>
/// <param name="RunId">The run it is part of.</param>
/// <param name="Now">The run's clock.</param>
public sealed record ReportStepContext(string DatabasePath, TimeSpan LockTimeout, ReportStepDefinition Step, long RunId, DateTimeOffset Now);

/// <summary>The step implementations this build has. <c>import</c> and <c>measure</c> are always there.</summary>
public sealed record PipelineSteps
{
    /// <summary>The report step, or null when this build has none.</summary>
    public IReportStep? Report { get; init; }

    /// <summary>A build without a report step.</summary>
    public static PipelineSteps WithoutReport { get; } = new();
}
