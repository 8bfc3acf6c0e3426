using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MonitorGen;
using MonitorGen.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the MonitorGen endpoints.</summary>
public static class MonitorGenEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, under <paramref name="prefix"/>:
    /// <list type="bullet">
    /// <item><c>GET {prefix}/health</c>: the model health checks, as JSON; 200 Healthy, <see cref="MonitorGenHostingOptions.DegradedStatusCode"/>
    /// Degraded, <see cref="MonitorGenHostingOptions.UnhealthyStatusCode"/> Unhealthy.</item>
    /// <item><c>GET {prefix}/monitorgen/drift</c>: every monitor's latest drift report (null before its first check).</item>
    /// <item><c>POST {prefix}/monitorgen/drift/check</c>: closes every window now and returns the new reports.</item>
    /// </list>
    /// </summary>
    /// <param name="endpoints">The endpoint route builder, typically the <c>WebApplication</c>.</param>
    /// <param name="prefix">A path prefix such as <c>/ops</c>; empty by default.</param>
    /// <returns>A builder over all three endpoints, to add conventions such as authorization.</returns>
    /// <exception cref="InvalidOperationException">No monitor was registered with <c>AddModelMonitor</c>.</exception>
    public static IEndpointConventionBuilder MapMonitorGen(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        MonitorRegistry registry = endpoints.ServiceProvider.GetService<MonitorRegistry>()
            ?? throw new InvalidOperationException("No MonitorGen monitor is registered: call services.AddModelMonitor<TMonitor>(...) first.");
        MonitorGenHostingOptions options = endpoints.ServiceProvider.GetRequiredService<IOptions<MonitorGenHostingOptions>>().Value;

        RouteGroupBuilder group = endpoints.MapGroup(NormalizePrefix(prefix));
        Func<HealthCheckRegistration, bool> predicate = options.HealthCheckPredicate
            ?? (registration => registration.Tags.Contains(MonitorGenHostingOptions.HealthCheckTag));
        bool indented = options.WriteIndented;
        group.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = predicate,
            ResultStatusCodes = new Dictionary<HealthStatus, int>
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = options.DegradedStatusCode,
                [HealthStatus.Unhealthy] = options.UnhealthyStatusCode,
            },
            ResponseWriter = (context, report) => MonitorGenJsonWriter.WriteHealthAsync(context, report, indented),
        }).WithDisplayName("MonitorGen health");

        group.MapGet("/monitorgen/drift", (RequestDelegate)(context =>
        {
            IReadOnlyList<ModelMonitor> monitors = registry.Monitors;
            var reports = new DriftReport?[monitors.Count];
            for (int i = 0; i < reports.Length; i++)
            {
                reports[i] = monitors[i].LastReport;
            }

            return MonitorGenJsonWriter.WriteReportsAsync(context, monitors, reports, failedIsError: false, indented);
        })).WithDisplayName("MonitorGen latest drift reports");

        group.MapPost("/monitorgen/drift/check", (RequestDelegate)(context =>
            MonitorGenJsonWriter.WriteReportsAsync(context, registry.Monitors, registry.CheckAll(), failedIsError: true, indented)))
            .WithDisplayName("MonitorGen drift check");

        return group;
    }

    private static string NormalizePrefix(string? prefix)
    {
        string trimmed = (prefix ?? string.Empty).Trim().Trim('/');
        return trimmed.Length == 0 ? string.Empty : "/" + trimmed;
    }
}
