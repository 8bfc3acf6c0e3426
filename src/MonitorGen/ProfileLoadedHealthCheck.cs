using System.Collections.Generic;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MonitorGen;

/// <summary>
/// Readiness of a monitored model's reference profile: Healthy once the monitor holds a profile that matched its schema
/// (the monitor's constructor rejects any other), Unhealthy when the profile has no features or no rows. The profile's
/// identity (source, schema hash, rows, creation time) goes in the result's data.
/// </summary>
public sealed class ProfileLoadedHealthCheck : SynchronousHealthCheck
{
    /// <summary>Creates the check.</summary>
    public ProfileLoadedHealthCheck(ModelMonitor monitor)
        : base(monitor)
    {
    }

    /// <summary>Judges the profile synchronously.</summary>
    public override HealthCheckResult Evaluate()
    {
        ReferenceProfile profile = Monitor.Profile;
        string model = Monitor.Schema.ModelName;
        var data = new Dictionary<string, object>
        {
            ["model"] = model,
            ["source"] = profile.Source,
            ["schemaHash"] = profile.SchemaHash,
            ["rows"] = profile.RowCount,
            ["features"] = profile.Features.Count,
            ["createdUtc"] = profile.CreatedUtc,
        };

        if (profile.Features.Count == 0 || profile.RowCount <= 0)
        {
            return HealthCheckResult.Unhealthy($"Model {model}: the reference profile {profile.Source} is empty ({profile.Features.Count} features, {profile.RowCount} rows).", data: data);
        }

        return HealthCheckResult.Healthy($"Model {model}: reference profile {profile.Source} loaded ({profile.Features.Count} features, {profile.RowCount} rows).", data);
    }
}
