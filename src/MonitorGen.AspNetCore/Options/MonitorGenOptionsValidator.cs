using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace MonitorGen.AspNetCore.Options;

/// <summary>Validates <see cref="MonitorGenOptions"/> when the host starts, naming each bad setting by its configuration key.</summary>
internal sealed class MonitorGenOptionsValidator : IValidateOptions<MonitorGenOptions>
{
    private const string Section = MonitorGenOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, MonitorGenOptions options)
    {
        var errors = new List<string>();
        RequirePositive(errors, $"{Section}:CheckInterval", options.CheckInterval);
        if (options.ManualCheckMinimumInterval < TimeSpan.Zero)
        {
            errors.Add($"{Section}:ManualCheckMinimumInterval must not be negative (was {options.ManualCheckMinimumInterval}).");
        }
        if (options.AuthorizationPolicy is { } policy && string.IsNullOrWhiteSpace(policy))
        {
            errors.Add($"{Section}:AuthorizationPolicy must be a policy name or absent (was blank).");
        }

        if (options.Health is not { } health)
        {
            errors.Add($"{Section}:Health must not be null.");
        }
        else
        {
            RequireStatusCode(errors, $"{Section}:Health:HealthyStatusCode", health.HealthyStatusCode);
            RequireStatusCode(errors, $"{Section}:Health:DegradedStatusCode", health.DegradedStatusCode);
            RequireStatusCode(errors, $"{Section}:Health:UnhealthyStatusCode", health.UnhealthyStatusCode);
        }

        if (options.Prometheus is not { } prometheus)
        {
            errors.Add($"{Section}:Prometheus must not be null.");
        }
        else if (prometheus.Enabled && (string.IsNullOrEmpty(prometheus.Path) || prometheus.Path[0] != '/'))
        {
            errors.Add($"{Section}:Prometheus:Path must start with '/' (was '{prometheus.Path}').");
        }

        if (options.Otlp is not { } otlp)
        {
            errors.Add($"{Section}:Otlp must not be null.");
        }
        else
        {
            if (otlp.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
            {
                errors.Add($"{Section}:Otlp:Endpoint must be an absolute http or https address (was '{endpoint}').");
            }

            if (!Enum.IsDefined(otlp.Protocol))
            {
                errors.Add($"{Section}:Otlp:Protocol must be Grpc or HttpProtobuf (was {(int)otlp.Protocol}).");
            }

            RequirePositive(errors, $"{Section}:Otlp:ExportInterval", otlp.ExportInterval);
            RequirePositive(errors, $"{Section}:Otlp:Timeout", otlp.Timeout);
        }

        foreach ((string model, MonitorGenModelOptions settings) in options.Models)
        {
            if (settings?.Volume is { } volume)
            {
                try
                {
                    volume.Validate($"{Section}:Models:{model}:Volume");
                }
                catch (ArgumentOutOfRangeException ex)
                {
                    errors.Add(ex.Message);
                }
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void RequirePositive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan || value.TotalMilliseconds > int.MaxValue)
        {
            errors.Add($"{key} must be positive and finite, at most {int.MaxValue} ms (was {value}).");
        }
    }

    private static void RequireStatusCode(List<string> errors, string key, int value)
    {
        if (value is < 100 or > 599)
        {
            errors.Add($"{key} must be an HTTP status code, 100 to 599 (was {value}).");
        }
    }
}
