using Microsoft.Extensions.Logging;

namespace MonitorGen.AspNetCore.Tests;

/// <summary>Hands out <see cref="ThrowingLogger"/>s: a log sink that is down for every category it is asked for.</summary>
internal sealed class ThrowingLoggerProvider : ILoggerProvider
{
    public ThrowingLogger Logger { get; } = new();

    public ILogger CreateLogger(string categoryName) => Logger;

    public void Dispose()
    {
    }
}
