using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using Hangfire.Storage.SQLite.Entities;
using Microsoft.Extensions.Hosting;
using Monitor.Store;

namespace Monitor.Jobs;

/// <summary>
/// <c>monitor scheduler run</c>: one Hangfire server with one recurring job per enabled pipeline (its id
/// is the pipeline's name), over Hangfire's SQLite storage beside the store (<see cref="StoragePathFor"/>), or, for
/// a store on PostgreSQL (server mode), Hangfire.PostgreSql's storage in the schema <c>hangfire</c> of the same
/// database. Server mode differs in two points: there is no scheduler lock (several schedulers on several
/// machines share one storage, which fetches each job for one worker only, and each pipeline's advisory lock keeps
/// one run of it at a time), and a run cut off by a crash is not queued again at start (another scheduler may be
/// running it): the sliding invisibility timeout hands it to another worker once its own stops renewing it.
/// <list type="bullet">
/// <item>One scheduler per store: it holds <c>&lt;store&gt;.scheduler.lock</c>, so there is exactly one
/// Hangfire server per storage (two servers on one SQLite storage were measured to run jobs twice).</item>
/// <item>One run at a time: one worker. Pipelines share the store's one SQLite writer.</item>
/// <item>A night missed while the scheduler was down runs once at start: the recurring job keeps its next
/// execution when its cron and zone are unchanged, and <see cref="MisfireHandlingMode.Relaxed"/> fires a
/// missed one once.</item>
/// <item>Ctrl-C or SIGTERM cancels the run: the import in hand rolls back, the run is recorded as cancelled,
/// and Hangfire puts the job back in its queue, so it runs again at the next start.</item>
/// <item>A run cut off by a crash is queued again at start, without waiting for the storage's invisibility
/// timeout: while this process holds the lock no other server can be working on anything.</item>
/// <item>No Hangfire retries (<see cref="AutomaticRetryAttribute.Attempts"/> 0): transient faults are
/// retried inside the steps, for scheduled and manual runs alike, and a rejected file never.</item>
/// </list>
/// Everything is wired explicitly (storage, filters, activator), not through Hangfire's global
/// configuration, so a dashboard in the same process reads this storage and tests can run one after another.
/// </summary>
public sealed class PipelineScheduler : IHostedService, IDisposable
{
    private readonly SchedulerOptions _options;
    private readonly PipelineLock? _lock;
    private readonly JobStorage _storage;
    private readonly JobFilterCollection _filters = [];
    private BackgroundJobServer? _server;

    private PipelineScheduler(SchedulerOptions options, PipelineLock? held, JobStorage storage)
    {
        (_options, _lock, _storage) = (options, held, storage);
        _filters.Add(new AutomaticRetryAttribute { Attempts = 0, LogEvents = false });
    }

    /// <summary>Hangfire's storage of the scheduler of the store at <paramref name="databasePath"/>.</summary>
    public static string StoragePathFor(string databasePath) => Path.GetFullPath(databasePath) + ".hangfire.db";

    public SchedulerOptions Options => _options;

    /// <summary>Hangfire's storage, for a dashboard in the same process.</summary>
    public JobStorage Storage => _storage;

    /// <summary>Takes the store's scheduler lock, opens (creating and migrating) the store and opens Hangfire's storage.</summary>
    /// <exception cref="PipelineBusyException">Another scheduler is running on this store.</exception>
    /// <exception cref="PipelineDefinitionException">No pipeline is enabled.</exception>
    public static PipelineScheduler Create(SchedulerOptions options)
    {
        if (!options.Pipelines.Any(p => p.Enabled))
            throw new PipelineDefinitionException([new PipelineProblem("pipelines", "", "no enabled pipeline: the scheduler would have nothing to do")]);
        var server = StoreLocation.IsServerUrl(options.DatabasePath);
        var lockPath = PipelineLock.SchedulerPathFor(options.DatabasePath);
        var held = server ? null
            : PipelineLock.TryAcquire(lockPath) ?? throw new PipelineBusyException($"another scheduler is running on this store (it holds {lockPath})");
        try
        {
            // The product's tables first: the scheduler, a manual import and `monitor jobs` all use the store at once.
            MonitorStore.Open(options.DatabasePath).Dispose();
            return new PipelineScheduler(options, held, OpenSharedStorage(options.DatabasePath, options));
        }
        catch
        {
            held?.Dispose();
            throw;
        }
    }

    /// <summary>Hangfire's storage of the store at <paramref name="databasePath"/>: the SQLite file beside it, or the
    /// schema <c>hangfire</c> of its PostgreSQL database (created when missing).</summary>
    public static JobStorage OpenSharedStorage(string databasePath, SchedulerOptions? options = null)
    {
        var location = StoreLocation.Parse(databasePath);
        if (!location.IsServer) return OpenStorage(databasePath, options);
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = options?.PollingInterval ?? TimeSpan.FromSeconds(15),
            // Sliding: a running job's fetch is renewed while its worker lives, so a long import never starts a second
            // time, and a killed worker's job goes to another once the timeout passes unrenewed (../shared/DEPENDENCIES.md).
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = options?.ServerInvisibilityTimeout ?? TimeSpan.FromMinutes(1),
        };
        try
        {
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(location.ServerConnectionString(), storageOptions), storageOptions);
        }
        catch (Npgsql.NpgsqlException e)
        {
            throw new StoreException($"cannot reach the store {location.Display}: {MonitorStore.Describe(e)}");
        }
    }

    /// <summary>Hangfire's SQLite storage beside the store (created when missing).</summary>
    public static SQLiteStorage OpenStorage(string databasePath, SchedulerOptions? options = null) =>
        new(StoragePathFor(databasePath), new SQLiteStorageOptions
        {
            QueuePollInterval = options?.PollingInterval ?? TimeSpan.FromSeconds(15),
            InvisibilityTimeout = options?.InvisibilityTimeout ?? TimeSpan.FromHours(12),
        });

    public Task StartAsync(CancellationToken cancellationToken)
    {
        RecoverFromCrash();
        Synchronise();
        _server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            WorkerCount = 1,
            SchedulePollingInterval = _options.PollingInterval,
            ShutdownTimeout = _options.ShutdownTimeout,
            FilterProvider = _filters,
            Activator = new Activator(_options),
            ServerName = $"monitor:{Environment.MachineName}:{Environment.ProcessId}",
        }, _storage);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null) return;
        _server.SendStop(); // cancels the running job's token: the import in hand rolls back
        await _server.WaitForShutdownAsync(cancellationToken);
    }

    public void Dispose()
    {
        _server?.Dispose();
        (_storage as IDisposable)?.Dispose();
        _lock?.Dispose();
    }

    /// <summary>
    /// This process holds the store's scheduler lock, so no other Hangfire server is alive: a job still marked
    /// as taken was cut off by a crash (kill -9, power cut) and is made visible again now, not after the
    /// invisibility timeout; a distributed lock still held belongs to the dead process too.
    /// </summary>
    private void RecoverFromCrash()
    {
        if (_storage is not SQLiteStorage sqlite) return; // server mode: the sliding invisibility timeout (see the class)
        using var db = sqlite.CreateAndOpenConnection();
        var orphans = db.JobQueueRepository.Where(q => q.FetchedAt != DateTime.MinValue).ToList();
        foreach (var orphan in orphans)
        {
            orphan.FetchedAt = DateTime.MinValue;
            db.Database.Update(orphan);
        }
        db.Database.DeleteAll<DistributedLock>();
        if (orphans.Count > 0)
            _options.Log.WriteLine($"scheduler: {orphans.Count} run{(orphans.Count == 1 ? " was" : "s were")} cut off when the scheduler last ended; queued again");
    }

    /// <summary>
    /// Brings Hangfire's recurring jobs in line with the pipeline files. A job whose cron and zone are unchanged
    /// keeps its stored next execution, which is how a night missed while the scheduler was down is found and
    /// run once; a changed one is rescheduled from now; the job of a pipeline that is gone or disabled is removed.
    /// </summary>
    private void Synchronise()
    {
        var manager = new RecurringJobManager(_storage, _filters);
        var now = DateTimeOffset.UtcNow;
        List<RecurringJobDto> stored;
        using (var connection = _storage.GetConnection()) stored = connection.GetRecurringJobs();
        var enabled = _options.Pipelines.Where(p => p.Enabled).ToDictionary(p => p.Name);
        foreach (var job in stored.Where(j => !enabled.ContainsKey(j.Id)))
        {
            manager.RemoveIfExists(job.Id);
            _options.Log.WriteLine($"{job.Id}: no longer scheduled (its pipeline file is gone or disabled)");
        }
        foreach (var pipeline in enabled.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var before = stored.FirstOrDefault(j => j.Id == pipeline.Name);
            var unchanged = before is { Removed: false } && before.Cron == pipeline.Cron && before.TimeZoneId == pipeline.TimeZone.Id;
            manager.AddOrUpdate(pipeline.Name, Job.FromExpression<PipelineJob>(j => j.Run(pipeline.Name, null, CancellationToken.None)), pipeline.Cron,
                new RecurringJobOptions { TimeZone = pipeline.TimeZone, MisfireHandling = MisfireHandlingMode.Relaxed });
            var missed = unchanged && before!.NextExecution is { } next && next < now.UtcDateTime;
            var when = missed ? "missed while the scheduler was down: runs once now" : $"next run {ZonedTime.Format(pipeline.Schedule.Next(now), pipeline.TimeZone)}";
            _options.Log.WriteLine($"{pipeline.Name}: '{pipeline.Cron}' in {pipeline.TimeZone.Id}, {when}");
        }
    }

    /// <summary>Hangfire makes the job objects; each gets the scheduler's options.</summary>
    private sealed class Activator(SchedulerOptions options) : JobActivator
    {
        public override object ActivateJob(Type jobType) =>
            jobType == typeof(PipelineJob) ? new PipelineJob(options) : base.ActivateJob(jobType);
    }
}
