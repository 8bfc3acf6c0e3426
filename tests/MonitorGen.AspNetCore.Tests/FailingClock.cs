using System;

namespace MonitorGen.AspNetCore.Tests;

/// <summary>A system clock that throws while <see cref="Failing"/> is set: a drift check that reads it throws.</summary>
internal sealed class FailingClock : TimeProvider
{
    private volatile bool _failing;

    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    public override DateTimeOffset GetUtcNow() =>
        _failing ? throw new InvalidOperationException("The clock is broken.") : System.GetUtcNow();
}
