using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Dashboard;
using Monitor.Jobs;

namespace Monitor.Integration.Tests.Support;

/// <summary>The dashboard of a test's store, listening on a free loopback port, with an HTTP client for it.</summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Hangfire.Storage.SQLite.SQLiteStorage _storage;

    private DashboardServer(WebApplication app, Hangfire.Storage.SQLite.SQLiteStorage storage, Uri address)
    {
        (_app, _storage, Address) = (app, storage, address);
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }
    public HttpClient Client { get; }

    public static async Task<DashboardServer> Start(PipelineSetup setup, DashboardSettings? settings = null)
    {
        var storage = PipelineScheduler.OpenStorage(setup.Db);
        var app = DashboardHost.Build(new DashboardOptions
        {
            DatabasePath = setup.Db, PipelinesFolder = setup.Pipelines, Listen = new Uri("http://127.0.0.1:0"), Settings = settings ?? new DashboardSettings(),
        }, storage);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DashboardServer(app, storage, new Uri(address));
    }

    public async Task<string> Get(string path)
    {
        using var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}\n{body}");
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _storage.Dispose();
    }
}
