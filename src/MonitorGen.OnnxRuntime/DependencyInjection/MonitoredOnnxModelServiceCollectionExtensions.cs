using System;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using MonitorGen;
using MonitorGen.Health;
using MonitorGen.OnnxRuntime;
using MonitorGen.OnnxRuntime.DependencyInjection;
using MonitorGen.OnnxRuntime.Health;

namespace Microsoft.Extensions.DependencyInjection;

// RS0026 guards against adding an overload with optional parameters to shipped API, which changes what old callers bind
// to. Both overloads ship together, with the optional configure callback of Microsoft.Extensions registration methods.
#pragma warning disable RS0026

/// <summary>Registers a monitored ONNX model: the session as a singleton, its loading at host start, and its readiness health check.</summary>
public static class MonitoredOnnxModelServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MonitoredInferenceSession{TInput, TOutput}"/> for <paramref name="modelPath"/> as a singleton
    /// (also as <see cref="IMonitoredInferenceSession"/>), taking its monitors from the container as
    /// <see cref="IModelMonitor{T}"/>, and a health check tagged <see cref="MonitorGenHealthTags.Ready"/>.
    /// </summary>
    /// <inheritdoc cref="AddMonitoredOnnxModel{TInput, TOutput}(IServiceCollection, string, Func{IServiceProvider, IModelMonitor{TInput}}, Func{IServiceProvider, IModelMonitor{TOutput}}, Action{MonitoredInferenceSessionOptions}?)"/>
    public static IServiceCollection AddMonitoredOnnxModel<TInput, TOutput>(
        this IServiceCollection services,
        string modelPath,
        Action<MonitoredInferenceSessionOptions>? configure = null)
        where TInput : IOnnxRecord<TInput>
        where TOutput : IOnnxRecord<TOutput> =>
        services.AddMonitoredOnnxModel(
            modelPath,
            sp => sp.GetRequiredService<IModelMonitor<TInput>>(),
            sp => sp.GetRequiredService<IModelMonitor<TOutput>>(),
            configure);

    /// <summary>
    /// Registers <see cref="MonitoredInferenceSession{TInput, TOutput}"/> for <paramref name="modelPath"/> as a singleton
    /// (also as <see cref="IMonitoredInferenceSession"/>) with the monitors the factories return, and a health check
    /// named <c>onnx:{file name}</c>, tagged <see cref="MonitorGenHealthTags.Ready"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="modelPath">The .onnx file.</param>
    /// <param name="inputMonitor">Returns the input monitor, e.g. <c>sp =&gt; sp.GetRequiredService&lt;WeatherDayMonitor&gt;()</c>.</param>
    /// <param name="outputMonitor">Returns the output monitor.</param>
    /// <param name="configure">Configures the session options.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <remarks>
    /// A hosted service loads the session when the host starts, so a missing, corrupt or unfit model stops start-up with
    /// the <see cref="OnnxModelException"/> that names the file. Without a host (a bare service provider) the session is
    /// created on first use; until it loads, the health check reports Unhealthy with the reason.
    /// </remarks>
    public static IServiceCollection AddMonitoredOnnxModel<TInput, TOutput>(
        this IServiceCollection services,
        string modelPath,
        Func<IServiceProvider, IModelMonitor<TInput>> inputMonitor,
        Func<IServiceProvider, IModelMonitor<TOutput>> outputMonitor,
        Action<MonitoredInferenceSessionOptions>? configure = null)
        where TInput : IOnnxRecord<TInput>
        where TOutput : IOnnxRecord<TOutput>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        ArgumentNullException.ThrowIfNull(inputMonitor);
        ArgumentNullException.ThrowIfNull(outputMonitor);
        services.AddSingleton(sp =>
        {
            var options = new MonitoredInferenceSessionOptions();
            configure?.Invoke(options);
            ILogger? logger = sp.GetService<ILoggerFactory>()?.CreateLogger("MonitorGen.OnnxRuntime");
            return new MonitoredInferenceSession<TInput, TOutput>(modelPath, inputMonitor(sp), outputMonitor(sp), options, logger);
        });
        services.AddSingleton<IMonitoredInferenceSession>(sp => sp.GetRequiredService<MonitoredInferenceSession<TInput, TOutput>>());
        services.AddHostedService(sp => new OnnxModelLoader<TInput, TOutput>(sp));
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "onnx:" + System.IO.Path.GetFileName(modelPath),
            sp => new OnnxModelHealthCheck(() => sp.GetRequiredService<MonitoredInferenceSession<TInput, TOutput>>()),
            failureStatus: HealthStatus.Unhealthy,
            tags: [MonitorGenHealthTags.Ready]));
        return services;
    }
}
