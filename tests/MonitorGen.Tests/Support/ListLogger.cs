using System;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MonitorGen.Tests.Support;

/// <summary>A logger that keeps its entries, enabled from a minimum level.</summary>
internal sealed class ListLogger(LogLevel minimum) : ILogger
{
    public ConcurrentQueue<(LogLevel Level, EventId EventId, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Entries.Enqueue((logLevel, eventId, formatter(state, exception)));
        }
    }
}
