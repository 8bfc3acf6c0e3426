using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MonitorGen.AspNetCore;
using MonitorGen.AspNetCore.Options;
using MonitorGen.AspNetCore.Telemetry;
using MonitorGen.Health;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers MonitorGen in a host: options, OpenTelemetry, the drift-check schedule and health checks.</summary>
public static class MonitorGenServiceCollectionExtensions
{
    /// <summary>
    /// Wires MonitorGen in one call, and returns a builder to add the monitored models with
    /// <see cref="MonitorGenBuilder.AddModel{TMonitor}"/>. It registers, once however often it is called:
    /// <list type="bullet">
    /// <item><see cref="MonitorGenOptions"/>, bound from the configuration section <c>MonitorGen</c> and then from
    /// <paramref name="configure"/>, validated when the host starts;</item>
    /// <item>OpenTelemetry metrics and tracing with the <c>MonitorGen</c> meter and activity source, the Prometheus
    /// exporter (served by <c>MapMonitorGen</c> at <c>/metrics</c>), and OTLP export when <c>MonitorGen:Otlp:Endpoint</c> is set;</item>
    /// <item>the hosted <see cref="DriftCheckService"/> and the <see cref="MonitorRegistry"/> it checks;</item>
    /// <item>the health-check service (the per-model checks come with <c>AddModel</c>, and a <c>{model}.volume</c> check
    /// with each <c>MonitorGen:Models:{model}:Volume</c>).</item>
    /// </list>
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Applied after the configuration section, so code wins over appsettings.</param>
    /// <returns>A builder over <paramref name="services"/>.</returns>
    /// <remarks>
    /// The OpenTelemetry providers are the application's own (<c>AddOpenTelemetry()</c> is shared): an application that
    /// also calls <c>AddOpenTelemetry().WithMetrics(...)</c> adds its instrumentation and exporters to the same providers.
    /// <c>MonitorGen:Prometheus:Enabled=false</c> leaves <c>/metrics</c> unmapped (the pull exporter then only aggregates).
    /// </remarks>
    public static MonitorGenBuilder AddMonitorGen(this IServiceCollection services, Action<MonitorGenOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<MonitorGenOptions> options = services.AddOptions<MonitorGenOptions>();
        if (!services.Contains(MarkerDescriptor))
        {
            services.Add(MarkerDescriptor);
            services.AddSingleton<IConfigureOptions<MonitorGenOptions>, MonitorGenConfigurationBinder>();
            options.ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MonitorGenOptions>, MonitorGenOptionsValidator>());

            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton<MonitorRegistry>();
            services.TryAddSingleton<DriftCheckService>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DriftCheckService>(sp => sp.GetRequiredService<DriftCheckService>()));
            services.AddHealthChecks();
            // The volume checks are the registry's, created when the host starts; each is listed with the model's drift health.
            services.AddOptions<HealthCheckServiceOptions>().Configure<MonitorRegistry>((healthChecks, registry) =>
            {
                foreach (VolumeHealthCheck volume in registry.VolumeChecks)
                {
                    string model = volume.Model;
                    healthChecks.Registrations.Add(new HealthCheckRegistration(
                        model + ".volume", _ => volume, failureStatus: null, tags: [MonitorGenHealthTags.Drift, MonitorGenHealthTags.ForModel(model)]));
                }
            });

            services.AddOpenTelemetry()
                .WithMetrics(metrics => metrics.AddMonitorGenInstrumentation().AddPrometheusExporter())
                .WithTracing(tracing => tracing.AddMonitorGenInstrumentation());
            services.AddMonitorGenOtlpExport();
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        return new MonitorGenBuilder(services);
    }

    private static readonly ServiceDescriptor MarkerDescriptor = ServiceDescriptor.Singleton<MonitorGenMarker, MonitorGenMarker>();

    /// <summary>Says that <see cref="AddMonitorGen"/> ran, so that a second call adds options but not a second exporter.</summary>
    private sealed class MonitorGenMarker;
}
