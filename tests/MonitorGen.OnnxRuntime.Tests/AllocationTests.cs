using System;

namespace MonitorGen.OnnxRuntime.Tests;

/// <summary>
/// Per prediction, nothing is allocated on the managed side beyond the output object itself (none for a record struct).
/// Measured on this thread with a metrics listener enabled on every MonitorGen instrument (as an exporter would be), whose
/// callback filters on another model name so that the test's own bookkeeping allocates nothing. Not run in parallel with
/// the other tests: their ActivityListeners are process-wide, and a listener that is consulted costs an allocation.
/// </summary>
[Collection(nameof(AllocationTests))]
public sealed class AllocationTests
{
    private const int Calls = 2_000;

    [Fact]
    public void A_record_struct_prediction_allocates_nothing()
    {
        using var listening = new MeasurementCapture("alloc-nobody");
        using var inputs = WeatherReading.CreateMonitor(Fixtures.ReadingProfile);
        using var outputs = WeatherForecastValue.CreateMonitor(Fixtures.ForecastValueProfile);
        using var session = new MonitoredInferenceSession<WeatherReading, WeatherForecastValue>(
            Fixtures.ModelPath, inputs, outputs, new MonitoredInferenceSessionOptions { ModelName = "alloc-struct" });
        WeatherReading row = Fixtures.Expected[7].Input;

        long allocated = Measure(() => session.Predict(row));

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_class_record_prediction_allocates_only_the_output_record()
    {
        using var listening = new MeasurementCapture("alloc-nobody");
        using var session = Sessions.Weather("alloc-class");
        WeatherReading row = Fixtures.Expected[7].Input;

        long allocated = Measure(() => session.Predict(row));
        long oneRecord = Measure(() => new WeatherForecast());

        Assert.True(oneRecord > 0);
        Assert.Equal(oneRecord, allocated);
    }

    /// <summary>Bytes allocated per call, after a warm-up (pool, tiering, first-use caches).</summary>
    private static long Measure<T>(Func<T> call)
    {
        for (int i = 0; i < Calls + 100; i++)
        {
            call();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            call();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }
}

/// <summary>Runs <see cref="AllocationTests"/> alone, after the parallel tests.</summary>
[CollectionDefinition(nameof(AllocationTests), DisableParallelization = true)]
public sealed class AllocationTestsCollection
{
}
