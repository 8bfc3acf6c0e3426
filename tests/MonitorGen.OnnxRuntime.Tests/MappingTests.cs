using System;
using System.Collections.Generic;
using System.Linq;

namespace MonitorGen.OnnxRuntime.Tests;

/// <summary>
/// The mapping rules on records that are not monitored types (<c>[OnnxRecord]</c> gives them the generated mapping):
/// the session takes any <see cref="IModelMonitor{T}"/>, here one that only counts.
/// </summary>
public sealed partial class MappingTests
{
    [Fact]
    public void Ignored_and_nullable_output_members_and_a_string_key_on_the_input()
    {
        using var session = new MonitoredInferenceSession<KeyedReading, LooseForecast>(
            Fixtures.ModelPath, new CountingMonitor<KeyedReading>(), new CountingMonitor<LooseForecast>());
        ExpectedPrediction expected = Fixtures.Expected[11];
        WeatherReading day = expected.Input;

        LooseForecast forecast = session.Predict(new KeyedReading
        {
            Station = "SEA", // matches no input: left out
            Precipitation = day.Precipitation,
            Temp_Max = day.TempMax,
            TEMPMIN = day.TempMin,
            Wind = (decimal)day.Wind!.Value,
        });

        Assert.Equal((long)expected.Weather, forecast.Weather);
        Assert.NotNull(forecast.Confidence);
        Assert.Equal(expected.Confidence, forecast.Confidence!.Value, 1e-5f);
        Assert.Null(forecast.Note);
        Assert.DoesNotContain(session.Mapping, p => p.Value.EndsWith(".Station", StringComparison.Ordinal));
    }

    [Fact]
    public void Wrong_attribute_names_and_unsupported_member_types_are_reported_together()
    {
        var error = Assert.Throws<OnnxModelException>(() => new MonitoredInferenceSession<MisnamedReading, LooseForecast>(
            Fixtures.ModelPath, new CountingMonitor<MisnamedReading>(), new CountingMonitor<LooseForecast>()));

        Assert.Contains("MisnamedReading.Rain: [OnnxInput(\"rain_mm\")] names no model input", error.Message);
        Assert.Contains("model input 'wind' (float [N,1]) fed by MisnamedReading.Wind: String is not a number, an enum or a bool", error.Message);
        Assert.Contains("model input 'precipitation' (float [N,1]) is fed by no member", error.Message);
    }

    [Fact]
    public void An_enum_feeds_only_an_integer_input()
    {
        var error = Assert.Throws<OnnxModelException>(() => new MonitoredInferenceSession<EnumReading, LooseForecast>(
            Fixtures.ModelPath, new CountingMonitor<EnumReading>(), new CountingMonitor<LooseForecast>()));

        Assert.Contains("model input 'wind' (float [N,1]) fed by EnumReading.Wind: an enum feeds only an integer tensor (Int64 or Int32), not Single", error.Message);
    }

    [Fact]
    public void Two_members_for_one_input_are_an_error_not_a_choice()
    {
        var error = Assert.Throws<OnnxModelException>(() => new MonitoredInferenceSession<DoubledReading, LooseForecast>(
            Fixtures.ModelPath, new CountingMonitor<DoubledReading>(), new CountingMonitor<LooseForecast>()));

        Assert.Contains("model input 'temp_max' is fed by both DoubledReading.", error.Message);
    }

    [Fact]
    public void Each_caller_of_the_pool_sees_only_its_own_buffers()
    {
        var inputs = new CountingMonitor<KeyedReading>();
        var outputs = new CountingMonitor<LooseForecast>();
        using var session = new MonitoredInferenceSession<KeyedReading, LooseForecast>(
            Fixtures.ModelPath, inputs, outputs, new MonitoredInferenceSessionOptions { MaxPooledCallers = 1 });
        IReadOnlyList<ExpectedPrediction> rows = Fixtures.Expected;

        // More concurrent callers than pooled buffers: the extra buffers are made and dropped, the answers stay right.
        long[] predicted = new long[rows.Count * 20];
        System.Threading.Tasks.Parallel.For(0, predicted.Length, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 6 }, i =>
        {
            WeatherReading day = rows[i % rows.Count].Input;
            predicted[i] = session.Predict(new KeyedReading
            {
                Precipitation = day.Precipitation,
                Temp_Max = day.TempMax,
                TEMPMIN = day.TempMin,
                Wind = (decimal)day.Wind!.Value,
            }).Weather;
        });

        Assert.Equal(Enumerable.Range(0, predicted.Length).Select(i => (long)rows[i % rows.Count].Weather), predicted);
        Assert.Equal(predicted.Length, inputs.Observed);
        Assert.Equal(predicted.Length, outputs.Observed);
    }

    private sealed class CountingMonitor<T> : IModelMonitor<T>
    {
        private long _observed;

        public long Observed => System.Threading.Interlocked.Read(ref _observed);

        public void Observe(in T row) => System.Threading.Interlocked.Increment(ref _observed);

        public DriftReport CheckDrift() => throw new NotSupportedException();
    }

    [OnnxRecord]
    private sealed partial class KeyedReading
    {
        public string? Station { get; set; }
        public double Precipitation { get; set; }
        public float Temp_Max { get; set; }
        public float TEMPMIN { get; set; }
        public decimal Wind { get; set; }
    }

    [OnnxRecord]
    private sealed partial record LooseForecast
    {
        public long Weather { get; init; }
        public float? Confidence { get; init; }
        [OnnxIgnore] public string? Note { get; init; }
    }

    [OnnxRecord]
    private sealed partial class MisnamedReading
    {
        [OnnxInput("rain_mm")] public float Rain { get; set; }
        public float TempMax { get; set; }
        public float TempMin { get; set; }
        public string? Wind { get; set; }
    }

    [OnnxRecord]
    private sealed partial class EnumReading
    {
        public float Precipitation { get; set; }
        public float TempMax { get; set; }
        public float TempMin { get; set; }
        public Weather Wind { get; set; }
    }

    [OnnxRecord]
    private sealed partial class DoubledReading
    {
        public float Precipitation { get; set; }
        public float TempMax { get; set; }
        [OnnxInput("temp_max")] public float High { get; set; }
        public float TempMin { get; set; }
        public float Wind { get; set; }
    }
}
