namespace MonitorGen.AspNetCore;

/// <summary>The OTLP transport.</summary>
public enum MonitorGenOtlpProtocol
{
    /// <summary>OTLP over gRPC (port 4317 by convention).</summary>
    Grpc,

    /// <summary>OTLP over HTTP with protobuf bodies (port 4318 by convention).</summary>
    HttpProtobuf,
}
