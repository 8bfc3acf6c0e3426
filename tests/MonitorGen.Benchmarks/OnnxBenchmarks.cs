using System;
using System.Diagnostics.Metrics;
using System.IO;
using BenchmarkDotNet.Attributes;
using Microsoft.ML.OnnxRuntime;
using MonitorGen.OnnxRuntime;
using MonitorGen.Telemetry;

namespace MonitorGen.Benchmarks;

/// <summary>
/// One prediction of models/seattle-weather/seattle-weather.onnx on the same row: a bare <see cref="InferenceSession"/>
/// run with pre-allocated <see cref="OrtValue"/>s (the baseline), the same with a pre-bound <see cref="OrtIoBinding"/>
/// (what the monitored session builds on), and <see cref="MonitoredInferenceSession{TInput, TOutput}.Predict"/>, which
/// adds the record mapping, both monitors' Observe, the duration histogram and the activity check. Every variant writes
/// the row into the input buffers and builds a <see cref="WeatherForecast"/> from the outputs, so they do the same work
/// apart from the monitoring. With <see cref="Metrics"/>, a <see cref="MeterListener"/> collects every MonitorGen
/// instrument, as an OpenTelemetry MeterProvider would. All sessions run with one intra-op thread: for a model this small,
/// ONNX Runtime's spinning worker threads only add noise (and time) on a shared two-core machine.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class OnnxBenchmarks
{
    private static readonly string[] InputNames = ["precipitation", "temp_max", "temp_min", "wind"];
    private static readonly string[] OutputNames = ["weather", "confidence"];
    private static long s_longSum;
    private static double s_doubleSum;

    private readonly WeatherReading _row = new() { Precipitation = 3.6f, TempMax = 8.3f, TempMin = 6.1f, Wind = 5.1f };
    private readonly WeatherForecast _forecast = new() { Weather = Weather.Rain, Confidence = 0.99f };
    private SessionOptions _sessionOptions = null!;
    private InferenceSession _bare = null!;
    private RunOptions _runOptions = null!;
    private float[][] _inputBuffers = null!;
    private long[] _weatherBuffer = null!;
    private float[] _confidenceBuffer = null!;
    private OrtValue[] _inputs = null!;
    private OrtValue[] _outputs = null!;
    private OrtIoBinding _binding = null!;
    private WeatherReadingMonitor _inputMonitor = null!;
    private WeatherForecastMonitor _outputMonitor = null!;
    private MonitoredInferenceSession<WeatherReading, WeatherForecast> _monitored = null!;
    private MeterListener? _listener;

    /// <summary>Whether a listener collects the MonitorGen instruments.</summary>
    [Params(false, true)]
    public bool Metrics { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string model = Path.Combine(AppContext.BaseDirectory, "Models", "seattle-weather.onnx");
        _sessionOptions = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _bare = new InferenceSession(model, _sessionOptions);
        _runOptions = new RunOptions();
        _inputBuffers = new float[InputNames.Length][];
        _inputs = new OrtValue[InputNames.Length];
        for (int i = 0; i < InputNames.Length; i++)
        {
            _inputBuffers[i] = GC.AllocateArray<float>(1, pinned: true);
            _inputs[i] = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Memory<float>(_inputBuffers[i]), [1, 1]);
        }

        _weatherBuffer = GC.AllocateArray<long>(1, pinned: true);
        _confidenceBuffer = GC.AllocateArray<float>(1, pinned: true);
        _outputs =
        [
            OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Memory<long>(_weatherBuffer), [1]),
            OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Memory<float>(_confidenceBuffer), [1]),
        ];
        _binding = _bare.CreateIoBinding();
        for (int i = 0; i < InputNames.Length; i++)
        {
            _binding.BindInput(InputNames[i], _inputs[i]);
        }

        _binding.BindOutput(OutputNames[0], _outputs[0]);
        _binding.BindOutput(OutputNames[1], _outputs[1]);

        if (Metrics)
        {
            _listener = new MeterListener
            {
                InstrumentPublished = static (instrument, listener) =>
                {
                    if (instrument.Meter.Name == MonitorGenDiagnostics.Name)
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _listener.SetMeasurementEventCallback<long>(static (_, value, _, _) => s_longSum += value);
            _listener.SetMeasurementEventCallback<double>(static (_, value, _, _) => s_doubleSum += value);
            _listener.Start();
        }

        _inputMonitor = WeatherReading.CreateMonitor(WeatherReading.FitProfile(WeatherReading.TrainingDays()));
        _outputMonitor = WeatherForecast.CreateMonitor(WeatherForecast.FitProfile(WeatherForecast.Spread()));
        _monitored = new MonitoredInferenceSession<WeatherReading, WeatherForecast>(
            model, _inputMonitor, _outputMonitor, new MonitoredInferenceSessionOptions { SessionOptions = _sessionOptions });

        // The three must agree, or the comparison is meaningless.
        WeatherForecast bare = BareRun(), bound = BareIoBinding(), monitored = Monitored();
        if (bare != bound || bare != monitored)
        {
            throw new InvalidOperationException($"The variants disagree: {bare} / {bound} / {monitored}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener?.Dispose();
        _monitored.Dispose();
        _inputMonitor.Dispose();
        _outputMonitor.Dispose();
        _binding.Dispose();
        foreach (OrtValue value in _inputs)
        {
            value.Dispose();
        }

        foreach (OrtValue value in _outputs)
        {
            value.Dispose();
        }

        _runOptions.Dispose();
        _bare.Dispose();
        _sessionOptions.Dispose();
    }

    [Benchmark(Baseline = true)]
    public WeatherForecast BareRun()
    {
        WriteRow();
        _bare.Run(_runOptions, InputNames, _inputs, OutputNames, _outputs);
        return ReadForecast();
    }

    [Benchmark]
    public WeatherForecast BareIoBinding()
    {
        WriteRow();
        _bare.RunWithBinding(_runOptions, _binding);
        return ReadForecast();
    }

    [Benchmark]
    public WeatherForecast Monitored() => _monitored.Predict(_row);

    /// <summary>The two monitors' Observe alone, without the model: the bulk of what <see cref="Monitored"/> adds.</summary>
    [Benchmark]
    public void ObserveOnly()
    {
        _inputMonitor.Observe(_row);
        _outputMonitor.Observe(_forecast);
    }

    private void WriteRow()
    {
        WeatherReading row = _row;
        _inputBuffers[0][0] = row.Precipitation;
        _inputBuffers[1][0] = row.TempMax;
        _inputBuffers[2][0] = row.TempMin;
        _inputBuffers[3][0] = row.Wind;
    }

    private WeatherForecast ReadForecast() => new() { Weather = (Weather)_weatherBuffer[0], Confidence = _confidenceBuffer[0] };
}
