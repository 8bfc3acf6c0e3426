using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MonitorGen.IntegrationTests;

/// <summary>Starts a test service on Kestrel at 127.0.0.1 with an ephemeral port.</summary>
internal static class LoopbackHost
{
    /// <summary>Starts <paramref name="app"/>, configured for <c>http://127.0.0.1:0</c>, and returns the address Kestrel bound.</summary>
    /// <remarks>The app is disposed when it fails to start, so that a failed test leaves no listener behind.</remarks>
    public static async Task<Uri> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }
}
