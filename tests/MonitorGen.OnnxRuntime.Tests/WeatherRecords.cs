using System;

namespace MonitorGen.OnnxRuntime.Tests;

/// <summary>The model's class index order (models/seattle-weather/README.md).</summary>
public enum Weather
{
    Drizzle,
    Rain,
    Sun,
    Snow,
    Fog,
}

/// <summary>The model input, mapped by property name: <c>TempMax</c> feeds <c>temp_max</c>; <c>Date</c> feeds nothing.</summary>
[Monitor("seattle-weather", Version = "1")]
public partial record WeatherReading
{
    [NotMonitored("the row's key, not a model input")]
    public DateOnly Date { get; init; }

    [DriftTest, Expect(Min = 0, Max = 100)]
    public float Precipitation { get; init; }

    [DriftTest]
    public float TempMax { get; init; }

    [DriftTest]
    public float TempMin { get; init; }

    [DriftTest]
    public double? Wind { get; init; }
}

/// <summary>The model output as a class record: <c>weather</c> (int64) becomes the enum, <c>confidence</c> a float.</summary>
[Monitor("seattle-weather", Version = "1")]
public partial record WeatherForecast
{
    [DriftTest]
    public Weather Weather { get; init; }

    [KpiMetric("confidence", Unit = "1")]
    public float Confidence { get; init; }
}

/// <summary>The model output as a record struct, which a prediction returns without allocating.</summary>
[Monitor("seattle-weather", Version = "1")]
public partial record struct WeatherForecastValue
{
    [DriftTest]
    public Weather Weather { get; init; }

    [KpiMetric("confidence", Unit = "1")]
    public double Confidence { get; init; }
}

/// <summary>The same input with other property names, mapped by attribute.</summary>
[Monitor("seattle-weather", Version = "1")]
public partial record RenamedReading
{
    [DriftTest, OnnxInput("precipitation")]
    public double RainMm { get; init; }

    [DriftTest, OnnxInput("temp_max")]
    public double High { get; init; }

    [DriftTest, OnnxInput("temp_min")]
    public double Low { get; init; }

    [DriftTest, OnnxInput("wind")]
    public double WindSpeed { get; init; }
}

/// <summary>The output as a positional record: constructor parameters map like properties.</summary>
[Monitor("seattle-weather", Version = "1")]
public partial record PositionalForecast([property: DriftTest] Weather Weather, [property: KpiMetric("probability"), OnnxOutput("confidence")] float Probability);

/// <summary>Inputs that do not fit the model: <c>wind</c> has no member.</summary>
[Monitor("seattle-weather")]
public partial record ReadingWithoutWind
{
    [DriftTest] public float Precipitation { get; init; }
    [DriftTest] public float TempMax { get; init; }
    [DriftTest] public float TempMin { get; init; }
}

/// <summary>An output with a property no model output fills, and an enum fed from a float output.</summary>
[Monitor("seattle-weather")]
public partial record UnfitForecast
{
    [DriftTest] public Weather Weather { get; init; }
    [DriftTest, OnnxOutput("confidence")] public Weather Certainty { get; init; }
    [DriftTest] public float Humidity { get; init; }
}

/// <summary>The input of the fault model (Fixtures/reshape-fails-above-one.onnx): 1 runs, anything else fails in ONNX Runtime.</summary>
[Monitor("reshape-fails-above-one")]
public partial record ReshapeInput
{
    [DriftTest] public float Value { get; init; }
}

/// <summary>The output of the fault model.</summary>
[Monitor("reshape-fails-above-one")]
public partial record ReshapeOutput
{
    [DriftTest] public float Reshaped { get; init; }
}
