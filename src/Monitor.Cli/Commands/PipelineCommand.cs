using System.CommandLine;
using System.Runtime.InteropServices;
using Monitor.Jobs;
using Monitor.Store;

namespace Monitor.Cli.Commands;

/// <summary><c>monitor pipeline run NAME</c>: one run of a scheduled pipeline, now (pipelines/README.md).</summary>
public static class PipelineCommand
{
    public const string PipelinesVariable = "MONITOR_PIPELINES";

    /// <summary>The step implementations of this build: import and measure in Monitor.Jobs, the report here,
    /// over the same path as <c>monitor report</c>.</summary>
    public static PipelineSteps Steps { get; } = new() { Report = new PipelineReportStep() };

    public static Option<string?> PipelinesOption() => new("--pipelines")
    {
        Description = $"The folder of pipeline files (NAME.json). Default: ${PipelinesVariable}, else pipelines in the working folder.",
    };

    public static string PipelinesFolder(ParseResult parsed, Option<string?> option) =>
        parsed.GetValue(option) ?? Environment.GetEnvironmentVariable(PipelinesVariable) ?? "pipelines";

    /// <summary>Pipeline files that cannot be used are arguments that do not make sense: exit 2, file, field and reason.</summary>
    public static T Checked<T>(Func<T> load)
    {
        try
        {
            return load();
        }
        catch (PipelineDefinitionException e)
        {
            throw new UsageException(e.Message);
        }
    }

    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The pipeline: the file NAME.json in the pipelines folder." };
        var pipelines = PipelinesOption();
        var wait = new Option<int>("--wait")
        {
            Description = "Wait up to this many seconds for a run of the same pipeline that is under way (default 0: exit 4 at once).",
        };
        var run = new Command("run", """
            Run one pipeline now: import the inbox's new files (archive them, or move rejected ones to the failed
            folder with a .reason.txt), then its measure and report steps, recording the run (monitor jobs).
            The same code path as the scheduler's. Exit status: 0 every step succeeded (refused rows are fine);
            2 a file was rejected whole (the run is recorded as succeeded_with_rejections), or the pipeline file
            cannot be used; 3 a step failed, or the run was stopped (Ctrl-C, SIGTERM: the import in hand is rolled
            back); 4 another run of the pipeline is under way. Every status but 0 says why on stderr.
            """) { name, pipelines, wait };
        run.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var seconds = parsed.GetValue(wait);
            if (seconds < 0) throw new UsageException($"--wait cannot be negative ({seconds})");
            var pipeline = Checked(() => PipelineLoader.Load(PipelinesFolder(parsed, pipelines), parsed.GetValue(name)!, Steps));
            if (!pipeline.Enabled) output.WriteLine($"{pipeline.Name}: disabled for the scheduler; running it by hand");

            Monitor.Ingest.PseudonymKeys.CheckFor(CommonOptions.DatabasePath(parsed)); // a server store without its key: exit 2 at once
            using var stop = new StopOnSignal(output);
            var runner = new PipelineRunner(CommonOptions.DatabasePath(parsed), Steps, output, progress: new PlainProgress(output))
            {
                LockWait = TimeSpan.FromSeconds(seconds),
            };
            RunResult result;
            try
            {
                result = runner.Run(pipeline, new RunRequest(RunRequest.Manual), stop.Token);
            }
            catch (PipelineBusyException e)
            {
                parsed.InvocationConfiguration.Error.WriteLine($"monitor: {e.Message}");
                return ExitCodes.Busy;
            }
            var run = result.Run;
            var error = parsed.InvocationConfiguration.Error;
            switch (run.Status)
            {
                case RunStatus.Succeeded:
                    return ExitCodes.Done;
                case RunStatus.SucceededWithRejections:
                    error.WriteLine($"monitor: run #{run.Id} rejected {run.FilesRejected} file{(run.FilesRejected == 1 ? "" : "s")} whole " +
                                    $"(moved to {pipeline.Inbox?.Failed}, with the reason beside it; monitor jobs show {run.Id})");
                    return ExitCodes.Rejected;
                default:
                    error.WriteLine($"monitor: run #{run.Id} {run.Status}: {run.Error} (monitor jobs show {run.Id})");
                    return ExitCodes.Failed;
            }
        });
        return new Command("pipeline", "Scheduled pipelines (pipelines/*.json): run one now.") { run };
    }

    /// <summary>
    /// The first Ctrl-C or SIGTERM stops the run: the import in hand rolls back (the file stays in the inbox)
    /// and the run is recorded as cancelled; a second one ends the process at once, which is safe too: an
    /// import is whole or not at all, and the next run records this one as interrupted.
    /// </summary>
    private sealed class StopOnSignal : IDisposable
    {
        private readonly CancellationTokenSource _source = new();
        private readonly PosixSignalRegistration[] _registrations;

        public StopOnSignal(TextWriter output)
        {
            _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];

            void Handle(PosixSignalContext context)
            {
                if (_source.IsCancellationRequested) return; // the second signal: let it end the process
                context.Cancel = true;
                output.WriteLine("stopping: the file in hand is rolled back and stays in the inbox (again to stop at once)…");
                _source.Cancel();
            }
        }

        public CancellationToken Token => _source.Token;

        public void Dispose()
        {
            foreach (var registration in _registrations) registration.Dispose();
            _source.Dispose();
        }
    }
}
