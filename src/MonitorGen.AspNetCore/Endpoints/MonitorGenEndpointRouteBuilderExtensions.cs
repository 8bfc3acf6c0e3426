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
using MonitorGen.AspNetCore.Endpoints;
using MonitorGen.Health;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the MonitorGen endpoints.</summary>
public static class MonitorGenEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, under <paramref name="prefix"/>:
    /// <list type="bullet">
    /// <item><c>GET /health/live</c>: the checks tagged <see cref="MonitorGenHealthTags.Live"/> (none by default: Healthy while serving);</item>
    /// <item><c>GET /health/ready</c>: the checks tagged <see cref="MonitorGenHealthTags.Ready"/> (each model's profile, a monitored model file);
    /// both probes are anonymous and answer each check's name and status only: no description, file path or exception text;</item>
    /// <item><c>GET /metrics</c>: the Prometheus scrape, unless <c>MonitorGen:Prometheus:Enabled</c> is false;</item>
    /// <item>the management endpoints, which require <see cref="MonitorGenOptions.AuthorizationPolicy"/> when it is set, and
    /// otherwise an authenticated user unless <see cref="MonitorGenOptions.AllowAnonymousManagement"/> (unsafe) is true:
    /// <c>GET /health/drift</c> (every model's drift health), <c>GET /health/drift/{model}</c> (one model's),
    /// <c>GET /monitoring/drift</c> (the latest drift reports), <c>GET /monitoring/report</c> (the same as one self-contained
    /// HTML page, with each model's recent checks over time), <c>POST /monitoring/drift/check</c> (a check now, shared
    /// by concurrent requests and at most one per <see cref="MonitorGenOptions.ManualCheckMinimumInterval"/>; see
    /// <see cref="MonitorRegistry.CheckOnRequestAsync"/>), <c>POST /monitoring/labels</c> (labels joined to their
    /// predictions, a JSON array of <c>{ "predictionId", "label", "source" }</c>; docs/labels.md),
    /// <c>GET /monitoring/performance</c> (the realized performance per model, label source and window),
    /// <c>GET /monitoring/labels/requests</c> (the hand-label queue, also as Label Studio tasks) and
    /// <c>POST /monitoring/labels/labelstudio</c> (a Label Studio export of those tasks, as hand labels).</item>
    /// </list>
    /// The health endpoints answer with <see cref="MonitorGenOptions.Health"/>'s status codes and a JSON body.
    /// </summary>
    /// <param name="endpoints">The endpoint route builder, typically the <c>WebApplication</c>.</param>
    /// <param name="prefix">A path prefix such as <c>/ops</c>; empty by default.</param>
    /// <returns>A builder over the detail endpoints only, to add conventions such as <c>RequireAuthorization</c> or rate limiting
    /// to them while liveness, readiness and metrics stay open to probes and scrapers.</returns>
    /// <exception cref="InvalidOperationException"><c>AddMonitorGen</c> was not called, the authorization policy is not
    /// registered, or no policy is set, anonymous management is not allowed, and authorization is not registered.</exception>
    public static IEndpointConventionBuilder MapMonitorGen(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        IServiceProvider services = endpoints.ServiceProvider;
        MonitorRegistry registry = services.GetService<MonitorRegistry>()
            ?? throw new InvalidOperationException("MonitorGen is not registered: call services.AddMonitorGen().AddModel<TMonitor>(...) first.");
        MonitorGenOptions options = services.GetRequiredService<IOptions<MonitorGenOptions>>().Value;

        RouteGroupBuilder group = endpoints.MapGroup(NormalizePrefix(prefix));
        group.MapHealthChecks("/health/live", HealthOptions(options, MonitorGenHealthTags.Live, detailed: false)).WithDisplayName("MonitorGen liveness");
        group.MapHealthChecks("/health/ready", HealthOptions(options, MonitorGenHealthTags.Ready, detailed: false)).WithDisplayName("MonitorGen readiness");
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
        else if (!options.AllowAnonymousManagement)
        {
            // Safe by default: an authenticated user (the default policy), and a start-up failure rather than open endpoints.
            if (services.GetService<IAuthorizationPolicyProvider>() is null)
            {
                throw new InvalidOperationException(
                    "The MonitorGen management endpoints (/health/drift, /monitoring/drift, /monitoring/report, /monitoring/performance, /monitoring/labels/requests, POST /monitoring/drift/check, POST /monitoring/labels, POST /monitoring/labels/labelstudio) require authorization by default, " +
                    "but authorization is not registered. Register authentication and authorization and set MonitorGen:AuthorizationPolicy to a policy " +
                    "(or leave it unset to require any authenticated user), or set MonitorGen:AllowAnonymousManagement=true, which is unsafe: anyone who " +
                    "reaches the service can then read the drift reports and trigger checks.");
            }

            details.RequireAuthorization();
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

        details.MapGet("/monitoring/report", (RequestDelegate)(context => MonitorGenHtmlReport.WriteAsync(context, registry)))
            .WithDisplayName("MonitorGen HTML drift report");

        details.MapPost("/monitoring/drift/check", (RequestDelegate)(context => ManualCheckAsync(context, registry, indented)))
            .WithDisplayName("MonitorGen drift check");

        details.MapPost("/monitoring/labels", (RequestDelegate)(context => MonitorGenLabelEndpoints.PostLabelsAsync(context, registry, indented)))
            .WithDisplayName("MonitorGen labels");

        details.MapGet("/monitoring/labels/requests", (RequestDelegate)(context => MonitorGenLabelEndpoints.GetLabelRequestsAsync(context, registry, indented)))
            .WithDisplayName("MonitorGen hand-label requests");

        details.MapPost("/monitoring/labels/labelstudio", (RequestDelegate)(context => MonitorGenLabelEndpoints.PostLabelStudioAsync(context, registry, indented)))
            .WithDisplayName("MonitorGen Label Studio annotations");

        details.MapGet("/monitoring/performance", (RequestDelegate)(context => MonitorGenLabelEndpoints.GetPerformanceAsync(context, registry, indented)))
            .WithDisplayName("MonitorGen realized performance");

        return details;
    }

    private static async Task ManualCheckAsync(HttpContext context, MonitorRegistry registry, bool indented)
    {
        ManualCheckResult result = await registry.CheckOnRequestAsync().ConfigureAwait(false);
        if (result.RetryAfter is { } retryAfter)
        {
            context.Response.StatusCode = Http.StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await MonitorGenJsonWriter.WriteErrorAsync(context, $"A drift check ran less than the minimum interval ago; retry in {retryAfter.TotalSeconds:0.###} s.", indented).ConfigureAwait(false);
            return;
        }

        await MonitorGenJsonWriter.WriteReportsAsync(context, registry.Monitors, result.Reports, failedIsError: true, indented).ConfigureAwait(false);
    }

    private static HealthCheckOptions HealthOptions(MonitorGenOptions options, string tag, bool detailed = true)
    {
        bool indented = options.WriteIndented;
        return new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(tag),
            ResultStatusCodes = StatusCodes(options.Health),
            ResponseWriter = (context, report) => MonitorGenJsonWriter.WriteHealthAsync(context, report, indented, detailed),
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
