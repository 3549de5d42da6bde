using System.Net;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Dashboard.Pages;
using Monitor.Jobs;
using Monitor.Store;

namespace Monitor.Dashboard;

/// <summary>
/// The dashboard's web application: Hangfire's dashboard at <c>/hangfire</c> and the product's own pages at
/// <c>/</c> — recent runs, one run, health (the verdict of <c>monitor jobs health</c>), the quarantine by
/// import. Every page is rendered on the server from Razor components (encoding is the component's job)
/// and answers GET only. Requests are answered when they come from this machine, or from a network the
/// settings name; a Host header that is not this dashboard's is refused.
/// </summary>
public static class DashboardHost
{
    private const int RowsPerImport = 200;
    private const int ImportsShown = 50;

    /// <param name="storage">Hangfire's storage: the scheduler's own when it runs in this process.</param>
    /// <param name="services">More services, e.g. the scheduler as a hosted service.</param>
    /// <exception cref="ArgumentException">The listen address is not <c>http://ADDRESS:PORT</c>.</exception>
    public static WebApplication Build(DashboardOptions options, JobStorage storage, Action<IServiceCollection>? services = null)
    {
        var endpoint = Endpoint(options.Listen);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Monitor.Dashboard" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(endpoint));
        builder.Services.AddRoutingCore();
        builder.Services.AddAntiforgery(); // Hangfire's dashboard checks its forms' tokens only when this is registered
        builder.Services.AddHostFiltering(o =>
        {
            o.AllowedHosts = ["localhost", "127.0.0.1", "[::1]", options.Listen.Host, .. options.Settings.AllowedHosts];
            o.AllowEmptyHosts = false;
            o.IncludeFailureMessage = false;
        });
        // What Hangfire's dashboard middleware looks for, without AddHangfire: that would point Hangfire's process-wide
        // log provider at this application's logger factory, which is gone once the application stops.
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton<IGlobalConfiguration>(GlobalConfiguration.Configuration);
        builder.Services.AddSingleton(DashboardRoutes.Routes);
        builder.Services.AddSingleton<ITimeZoneResolver>(new DefaultTimeZoneResolver());
        services?.Invoke(builder.Services);
        var app = builder.Build();

        app.UseHostFiltering();
        app.Use(async (context, next) =>
        {
            if (!Allowed(context, options.Settings))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("This dashboard answers requests from this machine only (settings: dashboard.allow_from).");
                return;
            }
            if (!context.Request.Path.StartsWithSegments("/hangfire"))
            {
                // No script, no frame, nothing from elsewhere: the pages are HTML and one inline stylesheet.
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
            }
            await next(context);
        });
        app.UseHangfireDashboard("/hangfire", new Hangfire.DashboardOptions
        {
            Authorization = [new AccessFilter(options.Settings)],
            IsReadOnlyFunc = _ => options.Settings.ReadOnly,
            AppPath = "/",
            DashboardTitle = "Verblijfsmonitor · scheduler",
            DisplayStorageConnectionString = false,
        }, storage);

        var pages = new Pages(options);
        app.MapGet("/", (Func<HttpContext, Task<IResult>>)pages.Runs);
        app.MapGet("/runs/{id:long}", (Func<HttpContext, long, Task<IResult>>)pages.Run);
        app.MapGet("/health", (Func<HttpContext, Task<IResult>>)pages.Health);
        app.MapGet("/quarantine", (Func<HttpContext, Task<IResult>>)pages.Quarantine);
        app.MapGet("/favicon.ico", () => Results.NoContent()); // browsers ask for one, Hangfire's pages too; there is none
        app.MapFallback((Func<HttpContext, Task<IResult>>)pages.NotFound).WithMetadata(new HttpMethodMetadata(["GET"])); // anything else: 405
        return app;
    }

    /// <summary>The address Kestrel listens on: an IP address, or localhost; http only (put TLS in a proxy in front).</summary>
    private static IPEndPoint Endpoint(Uri listen)
    {
        if (listen.Scheme != Uri.UriSchemeHttp || listen.AbsolutePath != "/" || listen.Query.Length > 0)
            throw new ArgumentException($"--listen {listen}: give http://ADDRESS:PORT (for https, put a proxy in front)");
        if (listen.IsLoopback && !IPAddress.TryParse(listen.Host.Trim('[', ']'), out _)) return new IPEndPoint(IPAddress.Loopback, listen.Port);
        return IPAddress.TryParse(listen.Host.Trim('[', ']'), out var address)
            ? new IPEndPoint(address, listen.Port)
            : throw new ArgumentException($"--listen {listen}: give an IP address (127.0.0.1, or 0.0.0.0 with dashboard.allow_from), not a host name");
    }

    /// <summary>A request from this machine, or from a network the settings name.</summary>
    private static bool Allowed(HttpContext context, DashboardSettings settings)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null) return true; // an in-process request (tests' TestServer): no network involved
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return IPAddress.IsLoopback(remote) || remote.Equals(context.Connection.LocalIpAddress) || settings.AllowFrom.Any(n => n.Contains(remote));
    }

    /// <summary>Hangfire's own check, the same rule: its default allows local requests only and would ignore the settings.</summary>
    private sealed class AccessFilter(DashboardSettings settings) : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => Allowed(context.GetHttpContext(), settings);
    }

    /// <summary>The product's pages: each reads the store and the pipeline files afresh, and renders a component.</summary>
    private sealed class Pages(DashboardOptions options)
    {
        private string Store => StoreLocation.Shown(options.DatabasePath); // never a password

        public Task<IResult> Runs(HttpContext context) => Read(context, (store, pipelines) => Render<RunsPage>(context, new()
        {
            ["Store"] = Store, ["Runs"] = store.Runs(limit: 100), ["Health"] = pipelines.Health(store), ["Zone"] = (Func<string?, TimeZoneInfo>)pipelines.Zone,
        }));

        public Task<IResult> Run(HttpContext context, long id) => Read(context, (store, pipelines) =>
            store.Run(id) is { } run
                ? Render<RunPage>(context, new()
                {
                    ["Store"] = Store, ["Run"] = run, ["Steps"] = store.RunSteps(id), ["Files"] = store.RunFiles(id), ["Zone"] = pipelines.Zone(run.Pipeline),
                })
                : Message(context, StatusCodes.Status404NotFound, "No such run", $"There is no run #{id} in this store."));

        public Task<IResult> Health(HttpContext context) => Read(context, (store, pipelines) => Render<HealthPage>(context, new()
        {
            ["Store"] = Store, ["Report"] = pipelines.Health(store),
        }));

        public Task<IResult> Quarantine(HttpContext context) => Read(context, (store, pipelines) =>
        {
            long? import = long.TryParse(context.Request.Query["import"], out var id) ? id : null;
            var imports = store.QuarantineByImport(importId: import, rowsPerImport: RowsPerImport).Reverse().Take(ImportsShown).ToList();
            return Render<QuarantinePage>(context, new() { ["Store"] = Store, ["Imports"] = imports, ["Zone"] = (Func<string?, TimeZoneInfo>)pipelines.Zone });
        });

        public Task<IResult> NotFound(HttpContext context) =>
            Message(context, StatusCodes.Status404NotFound, "Not found", "This dashboard has no such page.");

        private async Task<IResult> Read(HttpContext context, Func<MonitorStore, PipelineView, Task<IResult>> page)
        {
            MonitorStore store;
            try
            {
                store = MonitorStore.OpenExisting(options.DatabasePath);
            }
            catch (StoreException e)
            {
                return await Message(context, StatusCodes.Status503ServiceUnavailable, "The store cannot be read", e.Message);
            }
            using (store) return await page(store, new PipelineView(options));
        }

        private Task<IResult> Message(HttpContext context, int status, string title, string message) =>
            Render<MessagePage>(context, new() { ["Store"] = Store, ["Title"] = title, ["Message"] = message }, status);

        private static async Task<IResult> Render<TPage>(HttpContext context, Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
            where TPage : IComponent
        {
            await using var renderer = new HtmlRenderer(context.RequestServices, NullLoggerFactory.Instance);
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(parameters))).ToHtmlString());
            return Results.Content("<!DOCTYPE html>\n" + html, "text/html; charset=utf-8", statusCode: status);
        }
    }

    /// <summary>The pipeline files as the pages need them: health as <c>jobs health</c> judges it, and each pipeline's zone.</summary>
    private sealed class PipelineView
    {
        private static readonly TimeZoneInfo DefaultZone = TimeZoneInfo.FindSystemTimeZoneById(PipelineLoader.DefaultTimeZone);
        private readonly IReadOnlyList<PipelineDefinition> _pipelines = [];
        private readonly IReadOnlyList<PipelineProblem> _problems;

        public PipelineView(DashboardOptions options)
        {
            try
            {
                (_pipelines, _problems) = PipelineLoader.LoadEach(options.PipelinesFolder, options.Steps);
            }
            catch (PipelineDefinitionException e)
            {
                _problems = e.Problems; // the folder itself is gone
            }
        }

        public HealthReport Health(MonitorStore store) => Jobs.Health.Check(_pipelines, _problems, store, DateTimeOffset.UtcNow);

        public TimeZoneInfo Zone(string? pipeline) => _pipelines.FirstOrDefault(p => p.Name == pipeline)?.TimeZone ?? DefaultZone;
    }
}
