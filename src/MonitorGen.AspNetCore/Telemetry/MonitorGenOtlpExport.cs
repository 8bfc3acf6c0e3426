using System;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MonitorGen.AspNetCore.Telemetry;

/// <summary>
/// Adds the OTLP exporters once the container is built, from <see cref="MonitorGenOptions.Otlp"/>: the decision is made on
/// the bound and validated options, so appsettings alone switches OTLP on. An unreachable collector costs failed exports
/// on the exporter's own thread, never a request.
/// </summary>
internal static class MonitorGenOtlpExport
{
    public static IServiceCollection AddMonitorGenOtlpExport(this IServiceCollection services) => services
        .ConfigureOpenTelemetryMeterProvider((provider, metrics) =>
        {
            MonitorGenOtlpOptions otlp = provider.GetRequiredService<IOptions<MonitorGenOptions>>().Value.Otlp;
            if (otlp.Endpoint is not null && otlp.ExportMetrics)
            {
                var exporter = new OtlpMetricExporter(ExporterOptions(otlp, "v1/metrics"));
                metrics.AddReader(new PeriodicExportingMetricReader(exporter, (int)otlp.ExportInterval.TotalMilliseconds));
            }
        })
        .ConfigureOpenTelemetryTracerProvider((provider, tracing) =>
        {
            MonitorGenOtlpOptions otlp = provider.GetRequiredService<IOptions<MonitorGenOptions>>().Value.Otlp;
            if (otlp.Endpoint is not null && otlp.ExportTraces)
            {
                tracing.AddProcessor(new BatchActivityExportProcessor(new OtlpTraceExporter(ExporterOptions(otlp, "v1/traces"))));
            }
        });

    private static OtlpExporterOptions ExporterOptions(MonitorGenOtlpOptions otlp, string signalPath)
    {
        Debug.Assert(otlp.Endpoint is not null);
        Uri endpoint = otlp.Endpoint;
        OtlpExportProtocol protocol = otlp.Protocol == MonitorGenOtlpProtocol.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        // Set in code, the HTTP endpoint is used as given: append the signal's path to a bare base address.
        if (protocol == OtlpExportProtocol.HttpProtobuf && endpoint.AbsolutePath is "" or "/")
        {
            endpoint = new Uri(endpoint, signalPath);
        }

        return new OtlpExporterOptions
        {
            Endpoint = endpoint,
            Protocol = protocol,
            TimeoutMilliseconds = (int)otlp.Timeout.TotalMilliseconds,
        };
    }
}
