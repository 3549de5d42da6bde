using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Monitor.Jobs;

/// <summary>
/// <c>monitor scheduler run</c> without a dashboard: a Microsoft.Extensions.Hosting host whose one service
/// is the <see cref="PipelineScheduler"/>. The host turns Ctrl-C and SIGTERM into a stop, and waits up to
/// <see cref="SchedulerOptions.ShutdownTimeout"/> for the running import to roll back and the run to be recorded.
/// </summary>
public static class SchedulerHost
{
    /// <exception cref="PipelineBusyException">Another scheduler is running on this store.</exception>
    public static IHost Build(SchedulerOptions options) => Build(PipelineScheduler.Create(options));

    public static IHost Build(PipelineScheduler scheduler)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "monitor" });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = scheduler.Options.ShutdownTimeout);
        builder.Services.AddSingleton(scheduler);
        // Through a factory, so the container owns it and disposes it with the host: the store's scheduler lock is released then.
        builder.Services.AddHostedService(services => services.GetRequiredService<PipelineScheduler>());
        return builder.Build();
    }
}
