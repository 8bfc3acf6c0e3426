using System.Net;
using System.Net.Sockets;

namespace MonitorGen.IntegrationTests;

/// <summary>A free port on 127.0.0.1 for a server the test starts; another process can take it before the bind, so callers retry.</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
