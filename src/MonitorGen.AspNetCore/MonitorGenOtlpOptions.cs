using System;

namespace MonitorGen.AspNetCore;

/// <summary>OTLP export of MonitorGen's metrics and traces (section <c>MonitorGen:Otlp</c>). Off until <see cref="Endpoint"/> is set.</summary>
public sealed class MonitorGenOtlpOptions
{
    /// <summary>
    /// The collector's base address, for example <c>http://localhost:4317</c> (gRPC) or <c>http://localhost:4318</c>
    /// (HTTP/protobuf, where <c>/v1/metrics</c> and <c>/v1/traces</c> are appended when the address has no path). Default
    /// null: no OTLP export.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The OTLP transport. Default <see cref="MonitorGenOtlpProtocol.Grpc"/>.</summary>
    public MonitorGenOtlpProtocol Protocol { get; set; } = MonitorGenOtlpProtocol.Grpc;

    /// <summary>How often metrics are pushed. Default 60 seconds.</summary>
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one export may take before it is abandoned. Default 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether metrics are exported. Default true.</summary>
    public bool ExportMetrics { get; set; } = true;

    /// <summary>Whether traces (the <c>MonitorGen</c> activity source) are exported. Default true.</summary>
    public bool ExportTraces { get; set; } = true;
}
