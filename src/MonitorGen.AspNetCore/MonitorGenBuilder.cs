using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MonitorGen.Health;

namespace MonitorGen.AspNetCore;

/// <summary>Adds monitored models to the MonitorGen wiring that <c>AddMonitorGen</c> registered.</summary>
public sealed class MonitorGenBuilder
{
    internal MonitorGenBuilder(IServiceCollection services) => Services = services;

    /// <summary>The services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Registers a model monitor as a singleton (as <typeparamref name="TMonitor"/>, to observe rows, and as
    /// <see cref="ModelMonitor"/>, so that every model is listed), and two health checks named after the model and the
    /// monitored record, since a model usually has two records (its input and its output):
    /// <list type="bullet">
    /// <item><c>{model}/{record}</c>, tagged <see cref="MonitorGenHealthTags.Drift"/> and <see cref="MonitorGenHealthTags.ForModel"/>:
    /// <see cref="ModelHealthCheck"/>, the drift and data-quality health of the latest check;</item>
    /// <item><c>{model}/{record}.profile</c>, tagged <see cref="MonitorGenHealthTags.Ready"/>: <see cref="ProfileLoadedHealthCheck"/>.</item>
    /// </list>
    /// The monitor is created when the host starts (the hosted drift-check service depends on it), so a missing or corrupt
    /// profile fails start-up with the <see cref="ProfileException"/> that names the file.
    /// </summary>
    /// <typeparam name="TMonitor">A generated <c>{Type}Monitor</c>.</typeparam>
    /// <param name="factory">Creates the monitor, typically <c>sp =&gt; new WeatherDayMonitor(ReferenceProfile.Load(path), options, logger)</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="TMonitor"/> is already registered.</exception>
    /// <remarks>
    /// <c>{record}</c> is <see cref="MonitorSchema.RecordName"/>, read from the monitor when the health-check options
    /// are first built.
    /// </remarks>
    public MonitorGenBuilder AddModel<TMonitor>(Func<IServiceProvider, TMonitor> factory)
        where TMonitor : ModelMonitor
    {
        ArgumentNullException.ThrowIfNull(factory);
        foreach (ServiceDescriptor descriptor in Services)
        {
            if (descriptor.ServiceType == typeof(TMonitor))
            {
                throw new InvalidOperationException($"{typeof(TMonitor).Name} is already registered; register each monitor type once.");
            }
        }

        Services.AddSingleton(factory);
        Services.AddSingleton<ModelMonitor>(sp => sp.GetRequiredService<TMonitor>());
        Services.AddOptions<HealthCheckServiceOptions>().Configure<TMonitor>((healthChecks, monitor) =>
        {
            var drift = new ModelHealthCheck(monitor);
            var profile = new ProfileLoadedHealthCheck(monitor);
            string name = monitor.Schema.ModelName + "/" + monitor.Schema.RecordName;
            healthChecks.Registrations.Add(new HealthCheckRegistration(
                name, _ => drift, failureStatus: null, tags: [MonitorGenHealthTags.Drift, MonitorGenHealthTags.ForModel(monitor.Schema.ModelName)]));
            healthChecks.Registrations.Add(new HealthCheckRegistration(name + ".profile", _ => profile, failureStatus: null, tags: [MonitorGenHealthTags.Ready]));
        });

        return this;
    }
}
