using System;
using Microsoft.Extensions.Logging;

namespace MonitorGen.AspNetCore.Hosting;

/// <summary>The hosting's log messages, through the <c>[LoggerMessage]</c> generator. Event ids 2101–2199 are this package's.</summary>
internal static partial class MonitorGenLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Error, Message = "The drift check of model {Model} failed; monitoring goes on.")]
    public static partial void CheckFailed(ILogger logger, string model, Exception exception);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Debug, Message = "Background drift checks every {Interval} over {Count} model(s).")]
    public static partial void Started(ILogger logger, TimeSpan interval, int count);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Background drift checks are disabled.")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Error, Message = "A round of background drift checks failed; the schedule goes on.")]
    public static partial void RoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Error, Message = "Saving the window state of model {Model} at shutdown failed; its open window is lost.")]
    public static partial void SaveFailed(ILogger logger, string model, Exception exception);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Error, Message = "Flushing the OpenTelemetry exporters at shutdown failed; the host stops anyway.")]
    public static partial void FlushFailed(ILogger logger, Exception exception);
}
