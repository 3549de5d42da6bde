using System.Net;
using Monitor.Jobs;

namespace Monitor.Dashboard;

/// <summary>What <see cref="DashboardHost"/> serves, where, and to whom.</summary>
public sealed record DashboardOptions
{
    /// <summary>The store the pages read (never created by the dashboard).</summary>
    public required string DatabasePath { get; init; }

    /// <summary>The pipelines folder: zones, schedules and health.</summary>
    public required string PipelinesFolder { get; init; }

    /// <summary>The step implementations, so that pipeline files are checked as the scheduler checks them.</summary>
    public PipelineSteps Steps { get; init; } = PipelineSteps.WithoutReport;

    /// <summary>Where to listen: <c>http://HOST:PORT</c> (port 0: any free port).</summary>
    public required Uri Listen { get; init; }

    public DashboardSettings Settings { get; init; } = new();
}

/// <summary>
/// The <c>dashboard</c> object of the settings file (<c>monitor.settings.json</c>). By default the dashboard
/// answers requests from this machine only, and Hangfire's pages are read-only.
/// </summary>
/// <param name="AllowFrom">The authorisation: networks (<c>10.20.0.0/16</c>) whose requests are answered too,
/// e.g. the address of a reverse proxy that authenticates the analysts.</param>
/// <param name="AllowedHosts">Host names the dashboard may be reached by, besides the listen address and
/// localhost; a request naming any other host is refused (a DNS-rebinding page cannot reach it).</param>
/// <param name="ReadOnly">Hangfire's pages without buttons (trigger, requeue, delete). Default true.</param>
public sealed record DashboardSettings(IReadOnlyList<IPNetwork> AllowFrom, IReadOnlyList<string> AllowedHosts, bool ReadOnly = true)
{
    public DashboardSettings() : this([], []) { }
}
