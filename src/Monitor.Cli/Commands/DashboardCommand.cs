using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.Dashboard;
using Monitor.Jobs;
using Monitor.Store;

namespace Monitor.Cli.Commands;

/// <summary><c>monitor dashboard</c>: the pages an analyst opens in a browser — recent runs, one run, health, the quarantine — and Hangfire's.</summary>
public static class DashboardCommand
{
    public const string DefaultListen = "http://127.0.0.1:5380";

    public static Option<string?> ListenOption(string description) => new("--listen") { Description = description };

    public static Option<string?> SettingsOption() => new("--settings")
    {
        Description = $"The settings file (JSON) whose 'dashboard' object says who else may look; default ${Settings.Variable}, else {Settings.FileName} beside the store.",
    };

    public static Command Create()
    {
        var listen = ListenOption($"Where to listen (default {DefaultListen}): http://ADDRESS:PORT.");
        var pipelines = PipelineCommand.PipelinesOption();
        var settings = SettingsOption();
        var command = new Command("dashboard", $"""
            Serve the dashboard until Ctrl-C or SIGTERM: recent runs, one run (steps, files, archive paths,
            reasons), health (the verdict of 'jobs health'), the quarantine by import, and Hangfire's own pages at
            /hangfire. Read-only; answers this machine only unless the settings file names networks
            (dashboard.allow_from). The scheduler need not run: 'monitor scheduler run --dashboard URL' serves the
            same pages from the scheduler's process.
            """) { listen, pipelines, settings };
        command.SetAction(parsed =>
        {
            var options = Options(parsed, parsed.GetValue(listen) ?? DefaultListen, pipelines, settings);
            MonitorStore.OpenExisting(options.DatabasePath).Dispose(); // a dashboard never creates a store
            var storage = PipelineScheduler.OpenSharedStorage(options.DatabasePath);
            try
            {
                return Serve(Build(options, storage, null), parsed.InvocationConfiguration.Output);
            }
            finally
            {
                (storage as IDisposable)?.Dispose();
            }
        });
        return command;
    }

    public static DashboardOptions Options(ParseResult parsed, string listen, Option<string?> pipelines, Option<string?> settingsFile)
    {
        if (!Uri.TryCreate(listen, UriKind.Absolute, out var uri)) throw new UsageException($"--listen '{listen}' is not an address: give http://ADDRESS:PORT");
        var database = CommonOptions.DatabasePath(parsed);
        return new DashboardOptions
        {
            DatabasePath = database, PipelinesFolder = PipelineCommand.PipelinesFolder(parsed, pipelines), Steps = PipelineCommand.Steps,
            Listen = uri, Settings = Settings.Load(database, parsed.GetValue(settingsFile)).Dashboard,
        };
    }

    public static WebApplication Build(DashboardOptions options, Hangfire.JobStorage storage, Action<IServiceCollection>? services)
    {
        try
        {
            return DashboardHost.Build(options, storage, services);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>Starts the web application, says where it listens, and serves until Ctrl-C or SIGTERM.</summary>
    public static int Serve(WebApplication app, TextWriter output)
    {
        try
        {
            app.StartAsync().GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            // The address is taken: stop what did start (in `scheduler run --dashboard`, the scheduler) before saying so.
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new UsageException($"cannot listen: {e.Message}");
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        output.WriteLine($"dashboard: {address}/ (Hangfire's pages: {address}/hangfire); Ctrl-C or SIGTERM stops it");
        output.Flush();
        app.WaitForShutdownAsync().GetAwaiter().GetResult();
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return ExitCodes.Done;
    }
}
