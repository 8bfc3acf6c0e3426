using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MonitorGen;
using MonitorGen.AspNetCore;
using MonitorGen.Health;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the MonitorGen endpoints.</summary>
public static class MonitorGenEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, under <paramref name="prefix"/>:
    /// <list type="bullet">
    /// <item><c>GET /health/live</c>: the checks tagged <see cref="MonitorGenHealthTags.Live"/> (none by default: Healthy while serving);</item>
    /// <item><c>GET /health/ready</c>: the checks tagged <see cref="MonitorGenHealthTags.Ready"/> (each model's profile, a monitored model file);</item>
    /// <item><c>GET /metrics</c>: the Prometheus scrape, unless <c>MonitorGen:Prometheus:Enabled</c> is false;</item>
    /// <item>the detail endpoints, which require <see cref="MonitorGenOptions.AuthorizationPolicy"/> when it is set:
    /// <c>GET /health/drift</c> (every model's drift health), <c>GET /health/drift/{model}</c> (one model's),
    /// <c>GET /monitoring/drift</c> (the latest drift reports) and <c>POST /monitoring/drift/check</c> (close every window now).</item>
    /// </list>
    /// The health endpoints answer with <see cref="MonitorGenOptions.Health"/>'s status codes and a JSON body.
    /// </summary>
    /// <param name="endpoints">The endpoint route builder, typically the <c>WebApplication</c>.</param>
    /// <param name="prefix">A path prefix such as <c>/ops</c>; empty by default.</param>
    /// <returns>A builder over the detail endpoints only, to add conventions such as <c>RequireAuthorization</c> or rate limiting
    /// to them while liveness, readiness and metrics stay open to probes and scrapers.</returns>
    /// <exception cref="InvalidOperationException"><c>AddMonitorGen</c> was not called, or the authorization policy is not registered.</exception>
    public static IEndpointConventionBuilder MapMonitorGen(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        IServiceProvider services = endpoints.ServiceProvider;
        MonitorRegistry registry = services.GetService<MonitorRegistry>()
            ?? throw new InvalidOperationException("MonitorGen is not registered: call services.AddMonitorGen().AddModel<TMonitor>(...) first.");
        MonitorGenOptions options = services.GetRequiredService<IOptions<MonitorGenOptions>>().Value;

        RouteGroupBuilder group = endpoints.MapGroup(NormalizePrefix(prefix));
        group.MapHealthChecks("/health/live", HealthOptions(options, MonitorGenHealthTags.Live)).WithDisplayName("MonitorGen liveness");
        group.MapHealthChecks("/health/ready", HealthOptions(options, MonitorGenHealthTags.Ready)).WithDisplayName("MonitorGen readiness");
        if (options.Prometheus.Enabled)
        {
            group.MapPrometheusScrapingEndpoint(options.Prometheus.Path).WithDisplayName("MonitorGen Prometheus scrape");
        }

        RouteGroupBuilder details = group.MapGroup(string.Empty);
        if (options.AuthorizationPolicy is { } policy)
        {
            RequirePolicyRegistered(services, policy);
            details.RequireAuthorization(policy);
        }

        bool indented = options.WriteIndented;
        details.MapHealthChecks("/health/drift", HealthOptions(options, MonitorGenHealthTags.Drift)).WithDisplayName("MonitorGen drift health");
        details.MapGet("/health/drift/{model}", (RequestDelegate)(context =>
                ModelHealthAsync(context, registry, options, context.Request.RouteValues["model"] as string ?? string.Empty)))
            .WithDisplayName("MonitorGen drift health of one model");

        details.MapGet("/monitoring/drift", (RequestDelegate)(context =>
        {
            IReadOnlyList<ModelMonitor> monitors = registry.Monitors;
            var reports = new DriftReport?[monitors.Count];
            for (int i = 0; i < reports.Length; i++)
            {
                reports[i] = monitors[i].LastReport;
            }

            return MonitorGenJsonWriter.WriteReportsAsync(context, monitors, reports, failedIsError: false, indented);
        })).WithDisplayName("MonitorGen latest drift reports");

        details.MapPost("/monitoring/drift/check", (RequestDelegate)(context =>
            MonitorGenJsonWriter.WriteReportsAsync(context, registry.Monitors, registry.CheckAll(), failedIsError: true, indented)))
            .WithDisplayName("MonitorGen drift check");

        return details;
    }

    private static HealthCheckOptions HealthOptions(MonitorGenOptions options, string tag)
    {
        bool indented = options.WriteIndented;
        return new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(tag),
            ResultStatusCodes = StatusCodes(options.Health),
            ResponseWriter = (context, report) => MonitorGenJsonWriter.WriteHealthAsync(context, report, indented),
        };
    }

    private static Dictionary<HealthStatus, int> StatusCodes(MonitorGenHealthOptions health) => new()
    {
        [HealthStatus.Healthy] = health.HealthyStatusCode,
        [HealthStatus.Degraded] = health.DegradedStatusCode,
        [HealthStatus.Unhealthy] = health.UnhealthyStatusCode,
    };

    private static async Task ModelHealthAsync(HttpContext context, MonitorRegistry registry, MonitorGenOptions options, string model)
    {
        if (!registry.Contains(model))
        {
            context.Response.StatusCode = Http.StatusCodes.Status404NotFound;
            await MonitorGenJsonWriter.WriteErrorAsync(context, $"No model named '{model}' is monitored.", options.WriteIndented).ConfigureAwait(false);
            return;
        }

        HealthCheckService health = context.RequestServices.GetRequiredService<HealthCheckService>();
        string modelTag = MonitorGenHealthTags.ForModel(model);
        HealthReport report = await health.CheckHealthAsync(
            registration => registration.Tags.Contains(modelTag) && registration.Tags.Contains(MonitorGenHealthTags.Drift),
            context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes(options.Health)[report.Status];
        await MonitorGenJsonWriter.WriteHealthAsync(context, report, options.WriteIndented).ConfigureAwait(false);
    }

    private static void RequirePolicyRegistered(IServiceProvider services, string policy)
    {
        IAuthorizationPolicyProvider provider = services.GetService<IAuthorizationPolicyProvider>()
            ?? throw new InvalidOperationException(
                $"MonitorGen:AuthorizationPolicy is '{policy}', but authorization is not registered: call services.AddAuthorization(o => o.AddPolicy(\"{policy}\", ...)).");
        // Start-up only, and the default provider answers synchronously.
        if (provider.GetPolicyAsync(policy).GetAwaiter().GetResult() is null)
        {
            throw new InvalidOperationException(
                $"MonitorGen:AuthorizationPolicy is '{policy}', but no such policy is registered: add it with services.AddAuthorization(o => o.AddPolicy(\"{policy}\", ...)).");
        }
    }

    private static string NormalizePrefix(string? prefix)
    {
        string trimmed = (prefix ?? string.Empty).Trim().Trim('/');
        return trimmed.Length == 0 ? string.Empty : "/" + trimmed;
    }
}
