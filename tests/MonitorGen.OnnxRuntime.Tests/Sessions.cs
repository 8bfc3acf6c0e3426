using MonitorGen.OnnxRuntime;

namespace MonitorGen.OnnxRuntime.Tests;

/// <summary>Sessions on the committed model, each under its own model name so that parallel tests' telemetry stays apart.</summary>
internal static class Sessions
{
    public static MonitoredInferenceSession<WeatherReading, WeatherForecast> Weather(
        string model, out WeatherReadingMonitor inputs, out WeatherForecastMonitor outputs)
    {
        inputs = WeatherReading.CreateMonitor(Fixtures.ReadingProfile);
        outputs = WeatherForecast.CreateMonitor(Fixtures.ForecastProfile);
        return new MonitoredInferenceSession<WeatherReading, WeatherForecast>(
            Fixtures.ModelPath, inputs, outputs, new MonitoredInferenceSessionOptions { ModelName = model });
    }

    public static MonitoredInferenceSession<WeatherReading, WeatherForecast> Weather(string model) => Weather(model, out _, out _);
}
