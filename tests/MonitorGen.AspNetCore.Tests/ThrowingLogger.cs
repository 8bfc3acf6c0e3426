using System;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace MonitorGen.AspNetCore.Tests;

/// <summary>A logger whose sink is down: every enabled event throws.</summary>
internal sealed class ThrowingLogger : ILogger
{
    private long _throws;

    public long Throws => Interlocked.Read(ref _throws);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Interlocked.Increment(ref _throws);
        throw new InvalidOperationException("The log sink is down.");
    }
}
