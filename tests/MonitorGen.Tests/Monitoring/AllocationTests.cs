using System;
using System.Diagnostics.Metrics;
using System.Linq;
using MonitorGen.Tests.Records;
using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Monitoring;

/// <summary>Observe allocates nothing once warm, with and without a metrics listener.</summary>
public sealed class AllocationTests
{
    private static readonly ReferenceProfile Profile = WeatherDay.FitProfile(SeattleWeather.Summer);

    [Fact]
    public void Observe_allocates_nothing_after_warm_up()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        Assert.Equal(0, AllocatedPerObserve(monitor));
    }

    [Fact]
    public void Observe_allocates_nothing_while_a_listener_collects_the_instruments()
    {
        using var listener = new MeterListener();
        long measurements = 0;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MonitorGen")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => measurements += value);
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => measurements++);
        listener.Start();
        using var monitor = WeatherDay.CreateMonitor(Profile);

        Assert.Equal(0, AllocatedPerObserve(monitor));
        Assert.True(measurements > 0);
    }

    private static long AllocatedPerObserve(WeatherDayMonitor monitor)
    {
        // Bad values too: the data-quality path must not allocate either.
        var rows = SeattleWeather.All.Take(500)
            .Concat(new[] { SeattleWeather.All[0] with { Wind = null, TempMax = double.NaN, Weather = (WeatherKind)42, TempMin = -99 } })
            .ToArray();
        foreach (var row in rows)
        {
            monitor.Observe(row);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            foreach (var row in rows)
            {
                monitor.Observe(row);
            }
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
