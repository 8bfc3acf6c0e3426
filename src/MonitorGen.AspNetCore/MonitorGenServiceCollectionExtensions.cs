using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MonitorGen;
using MonitorGen.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers MonitorGen monitors, their health checks and the background drift checks.</summary>
public static class MonitorGenServiceCollectionExtensions
{
    /// <summary>
    /// Registers a model monitor as a singleton (as <typeparamref name="TMonitor"/> and as <see cref="ModelMonitor"/>, so that
    /// several models can be registered), a health check named after the model (tag
    /// <see cref="MonitorGenHostingOptions.HealthCheckTag"/>), and, once, the hosted <see cref="DriftCheckService"/>.
    /// </summary>
    /// <typeparam name="TMonitor">A generated <c>{Type}Monitor</c>.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="factory">Creates the monitor, typically <c>sp =&gt; new WeatherDayMonitor(profile, options, logger)</c>.</param>
    /// <param name="configure">Configures the hosting options, which all registered models share.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="TMonitor"/> is already registered.</exception>
    /// <remarks>
    /// The health check is named after <see cref="MonitorSchema.ModelName"/>, which is read from the monitor when the health
    /// check options are first built; two monitors of the same model name are therefore rejected by the health check service.
    /// </remarks>
    public static IServiceCollection AddModelMonitor<TMonitor>(
        this IServiceCollection services,
        Func<IServiceProvider, TMonitor> factory,
        Action<MonitorGenHostingOptions>? configure = null)
        where TMonitor : ModelMonitor
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(factory);
        foreach (ServiceDescriptor descriptor in services)
        {
            if (descriptor.ServiceType == typeof(TMonitor))
            {
                throw new InvalidOperationException($"{typeof(TMonitor).Name} is already registered; register each monitor type once.");
            }
        }

        services.AddSingleton(factory);
        services.AddSingleton<ModelMonitor>(sp => sp.GetRequiredService<TMonitor>());

        OptionsBuilder<MonitorGenHostingOptions> options = services.AddOptions<MonitorGenHostingOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MonitorGenHostingOptions>, MonitorGenHostingOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MonitorRegistry>();
        services.TryAddSingleton<DriftCheckService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DriftCheckService>(sp => sp.GetRequiredService<DriftCheckService>()));

        services.AddHealthChecks();
        services.AddOptions<HealthCheckServiceOptions>().Configure<TMonitor>((healthChecks, monitor) =>
        {
            var check = new ModelHealthCheck(monitor);
            healthChecks.Registrations.Add(new HealthCheckRegistration(
                monitor.Schema.ModelName,
                _ => check,
                failureStatus: null,
                tags: [MonitorGenHostingOptions.HealthCheckTag]));
        });

        return services;
    }
}
