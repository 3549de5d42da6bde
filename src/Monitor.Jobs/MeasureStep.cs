using System.Runtime.CompilerServices;
using Monitor.Core.Measurements;
using Monitor.Reporting.Json;
using Monitor.Store;

namespace Monitor.Jobs;

/// <summary>
/// The <c>measure</c> step: the comparison JSON of <c>monitor compare</c> (baseline against follow-up,
/// with the same as-of date and rules) over what the store holds after the import, written whole to the
/// step's output file. The as-of date is fixed, or "latest" as PROTOCOL.md 5 defines it: the earliest
/// coverage date of an extract with open segments.
/// </summary>
internal static class MeasureStep
{
    public static StepResult Run(MeasureStepDefinition step, StepContext context, StrongBox<int> tries, CancellationToken cancellationToken)
    {
        var comparison = Retries.Execute(context.Retry, () =>
        {
            using var store = MonitorStore.Open(context.DatabasePath, context.Pipeline.Retry.LockTimeout);
            using var analysis = new Analysis(store);
            var result = analysis.Compare(step.Baseline, step.Followup, step.Region, step.Region,
                step.AsOf is { } date ? AsOfChoice.Of(date) : AsOfChoice.OfLatest, step.GapDays, step.ResidentialSet, step.TopN);
            // The same document as monitor compare, with its intervals (default replicates and seed).
            result = analysis.WithStatistics(result);
            AtomicFile.Write(step.Output, JsonDocuments.Compare(result));
            return result;
        }, tries, cancellationToken);
        var asOf = comparison.Baseline.AsOf;
        context.Log.WriteLine($"  wrote {step.Output} ({step.Baseline} against {step.Followup}, as of {asOf:yyyy-MM-dd})");
        return new StepResult(StepStatus.Succeeded, tries.Value) { Output = step.Output };
    }
}
