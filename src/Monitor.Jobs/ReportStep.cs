using System.Runtime.CompilerServices;
using Monitor.Store;

namespace Monitor.Jobs;

/// <summary>The <c>report</c> step: hands over to the <see cref="IReportStep"/> the program registered.</summary>
internal static class ReportStep
{
    public static StepResult Run(ReportStepDefinition step, IReportStep? report, StepContext context, StrongBox<int> tries, CancellationToken cancellationToken)
    {
        if (report is null) throw new InvalidOperationException("step 'report' is not available in this build");
        var output = Retries.Execute(context.Retry,
            () => report.Run(new ReportStepContext(context.DatabasePath, context.Pipeline.Retry.LockTimeout, step, context.RunId, context.Clock.GetUtcNow()), cancellationToken),
            tries, cancellationToken);
        context.Log.WriteLine($"  wrote {output}");
        return new StepResult(StepStatus.Succeeded, tries.Value) { Output = output };
    }
}
