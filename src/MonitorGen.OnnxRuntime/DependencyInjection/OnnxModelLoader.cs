using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MonitorGen.OnnxRuntime.DependencyInjection;

/// <summary>
/// Loads a registered session when the host starts, so that a missing, corrupt or unfit model file stops start-up with
/// the <see cref="OnnxModelException"/> that names it, instead of failing the first prediction.
/// </summary>
internal sealed class OnnxModelLoader<TInput, TOutput>(IServiceProvider services) : IHostedService
    where TInput : IOnnxRecord<TInput>
    where TOutput : IOnnxRecord<TOutput>
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<MonitoredInferenceSession<TInput, TOutput>>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
