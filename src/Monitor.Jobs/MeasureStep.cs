using System.Runtime.CompilerServices;
using Monitor.Core;
using Monitor.Core.Measurements;
using Monitor.Reporting.Json;
using Monitor.Store;

namespace Monitor.Jobs;

/// <summary>
/// The <c>measure</c> step: the comparison JSON of <c>monitor compare</c> (baseline against follow-up,
/// with the same as-of date and rules) over what the store holds after the import, written whole to the
/// step's output file. The as-of date is fixed, or "latest": the latest segment start in the store, as
/// <c>monitor demo</c> takes it, since the extracts were made after it.
/// </summary>
internal static class MeasureStep
{
    public static StepResult Run(MeasureStepDefinition step, StepContext context, StrongBox<int> tries, CancellationToken cancellationToken)
    {
        var asOf = Retries.Execute(context.Retry, () =>
        {
            using var store = MonitorStore.Open(context.DatabasePath, context.Pipeline.Retry.LockTimeout);
            var date = step.AsOf ?? store.LatestStart() ?? throw new InvalidRequestException($"no segment stored yet in {context.DatabasePath}: nothing to measure");
            foreach (var (period, name) in new[] { (step.Baseline, "baseline"), (step.Followup, "followup") })
            {
                if (date < period.To)
                    throw new InvalidRequestException($"the as-of date {date:yyyy-MM-dd} is before the end of {name} {period} ({period.To:yyyy-MM-dd})");
            }
            var analysis = new Analysis(store);
            analysis.CheckRegion(step.Region);
            var episodes = analysis.BuildEpisodes(date, step.GapDays, step.ResidentialSet);
            var comparison = Comparison.Of(
                analysis.Measure(episodes, step.Baseline, step.Region, step.TopN),
                analysis.Measure(episodes, step.Followup, step.Region, step.TopN));
            // The same document as monitor compare, with its intervals (default replicates and seed).
            comparison = comparison with { Statistics = ComparisonStatistics.Compute(episodes, episodes, comparison) };
            AtomicFile.Write(step.Output, JsonDocuments.Compare(comparison));
            return date;
        }, tries, cancellationToken);
        context.Log.WriteLine($"  wrote {step.Output} ({step.Baseline} against {step.Followup}, as of {asOf:yyyy-MM-dd})");
        return new StepResult(StepStatus.Succeeded, tries.Value) { Output = step.Output };
    }
}
