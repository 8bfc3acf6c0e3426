using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML.OnnxRuntime;
using MonitorGen.OnnxRuntime.Mapping;
using MonitorGen.OnnxRuntime.Telemetry;
using MonitorGen.Telemetry;

namespace MonitorGen.OnnxRuntime;

/// <summary>
/// An ONNX Runtime session for a monitored record pair: <see cref="Predict(in TInput)"/> maps the input record to the model's named
/// tensors, runs the model and maps the outputs back, and around that observes the input and the output with their
/// monitors, records <c>monitorgen.prediction.duration</c> and <c>monitorgen.prediction.errors</c>, and runs it all
/// inside an activity <c>predict {model}</c>. See docs/onnxruntime.md.
/// </summary>
/// <typeparam name="TInput">The model's input record: a [Monitor] type, whose ONNX mapping the generator emits.</typeparam>
/// <typeparam name="TOutput">The model's output record: a [Monitor] type.</typeparam>
/// <remarks>
/// Thread-safe: callers run concurrently on one ONNX Runtime session, each with pre-allocated buffers from a small pool.
/// A failure of the model reaches the caller unchanged (and is counted); a failure of the monitoring never does.
/// </remarks>
public sealed class MonitoredInferenceSession<TInput, TOutput> : IMonitoredInferenceSession, IDisposable
    where TInput : IOnnxRecord<TInput>
    where TOutput : IOnnxRecord<TOutput>
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions;
    private readonly RecordMapping<TInput, TOutput> _mapping;
    private readonly DefaultObjectPool<InferenceSlot> _slots;
    private readonly IModelMonitor<TInput> _inputMonitor;
    private readonly IModelMonitor<TOutput> _outputMonitor;
    private readonly ILogger _logger;
    private readonly string _activityName;
    private readonly KeyValuePair<string, object?> _modelTag;
    private readonly KeyValuePair<string, object?> _versionTag;
    private readonly PredictionErrorCounts _errors;
    // 1 once Dispose has begun; Predict counts itself in _inFlight before it looks, so that Dispose sees every run that
    // may still use the native session (both sides use interlocked operations, which are full fences).
    private int _disposed;
    private int _inFlight;
    private readonly TimeSpan _disposeTimeout;

    /// <summary>Loads the model, checks the records against its inputs and outputs, and prepares the first caller's buffers.</summary>
    /// <param name="modelPath">The .onnx file.</param>
    /// <param name="inputMonitor">Observes every input record (a generated <c>{Type}Monitor</c>).</param>
    /// <param name="outputMonitor">Observes every output record.</param>
    /// <param name="options">Names, ONNX Runtime options, pool size.</param>
    /// <param name="logger">Logs monitoring failures.</param>
    /// <exception cref="OnnxModelException">The file is missing, is not a model ONNX Runtime can load, or does not fit the
    /// records; the message names the file and every mismatch.</exception>
    public MonitoredInferenceSession(
        string modelPath,
        IModelMonitor<TInput> inputMonitor,
        IModelMonitor<TOutput> outputMonitor,
        MonitoredInferenceSessionOptions? options = null,
        ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        ArgumentNullException.ThrowIfNull(inputMonitor);
        ArgumentNullException.ThrowIfNull(outputMonitor);
        options ??= new MonitoredInferenceSessionOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPooledCallers, 1, nameof(options.MaxPooledCallers));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DisposeTimeout, TimeSpan.Zero, nameof(options.DisposeTimeout));
        _disposeTimeout = options.DisposeTimeout;
        _inputMonitor = inputMonitor;
        _outputMonitor = outputMonitor;
        _logger = logger ?? NullLogger.Instance;
        ModelPath = Path.GetFullPath(modelPath);
        _session = Load(ModelPath, options.SessionOptions);
        try
        {
            _mapping = RecordMapping<TInput, TOutput>.Build(_session, ModelPath);
            var provider = new DefaultObjectPoolProvider { MaximumRetained = options.MaxPooledCallers };
            // A DisposableObjectPool, since the slots are IDisposable: it disposes the slots it drops and, on Dispose, those it holds.
            _slots = (DefaultObjectPool<InferenceSlot>)provider.Create(new InferenceSlotPolicy(_session, _mapping.Inputs, _mapping.Outputs));
            // The first caller's buffers are bound now, so that a binding problem shows at start-up, not on the first request.
            _slots.Return(_slots.Get());
            _runOptions = new RunOptions();
        }
        catch (Exception ex)
        {
            (_slots as IDisposable)?.Dispose();
            _session.Dispose();
            if (ex is OnnxModelException)
            {
                throw;
            }

            throw new OnnxModelException(ModelPath, $"preparing the session failed: {ex.Message}", ex);
        }

        MonitorSchema? schema = (inputMonitor as ModelMonitor)?.Schema ?? (outputMonitor as ModelMonitor)?.Schema;
        ModelName = options.ModelName ?? schema?.ModelName ?? Path.GetFileNameWithoutExtension(ModelPath);
        ModelVersion = options.ModelVersion ?? schema?.ModelVersion
            ?? (_session.ModelMetadata.Version > 0 ? _session.ModelMetadata.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        _activityName = "predict " + ModelName;
        _modelTag = new(InstrumentNames.ModelTag, ModelName);
        _versionTag = new(InstrumentNames.ModelVersionTag, ModelVersion ?? "");
        _errors = new PredictionErrorCounts(ModelName, ModelVersion);
        PredictionInstruments.Register(_errors);
        OnnxLog.ModelLoaded(_logger, ModelName, ModelPath);
    }

    /// <inheritdoc />
    public string ModelPath { get; }

    /// <inheritdoc />
    public string ModelName { get; }

    /// <inheritdoc />
    public string? ModelVersion { get; }

    /// <inheritdoc />
    public bool IsLoaded => Volatile.Read(ref _disposed) == 0;

    // Runs inside Predict now, for tests of shutdown.
    internal int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The underlying ONNX Runtime session (its metadata, its profiling). Runs should go through <see cref="Predict(in TInput)"/>.</summary>
    public InferenceSession Session => _session;

    /// <summary>The mapping, as (graph name, member) pairs: every model input, then the outputs the output record takes.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Mapping
    {
        get
        {
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (TensorSpec spec in _mapping.Inputs)
            {
                pairs.Add(new(spec.OnnxName, $"{typeof(TInput).Name}.{spec.Member}"));
            }

            foreach (TensorSpec spec in _mapping.Outputs)
            {
                pairs.Add(new(spec.OnnxName, $"{typeof(TOutput).Name}.{spec.Member}"));
            }

            return pairs;
        }
    }

    /// <summary>Runs the model on one record, monitored.</summary>
    /// <param name="input">The model's input.</param>
    /// <returns>The model's output, mapped into a new <typeparamref name="TOutput"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The session is disposed.</exception>
    /// <exception cref="OnnxRuntimeException">The model run failed: counted on <c>monitorgen.prediction.errors</c> and
    /// rethrown unchanged (as is any other exception of the run).</exception>
    public TOutput Predict(in TInput input) => Predict(in input, withId: false, out _);

    /// <summary>Runs the model on one record, monitored, and returns the id that the output's label refers to.</summary>
    /// <param name="input">The model's input.</param>
    /// <param name="predictionId">The id of the output's prediction (its <see cref="PredictionAttribute"/> member), for
    /// <c>POST /monitoring/labels</c> or the monitor's <c>RecordLabel</c>; null when the output declares no prediction,
    /// it cannot be labelled, or labels are off.</param>
    /// <returns>The model's output, mapped into a new <typeparamref name="TOutput"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The session is disposed.</exception>
    /// <exception cref="OnnxRuntimeException">The model run failed: counted on <c>monitorgen.prediction.errors</c> and
    /// rethrown unchanged (as is any other exception of the run).</exception>
    public TOutput Predict(in TInput input, out string? predictionId) => Predict(in input, withId: true, out predictionId);

    // Without the id, the output is observed as any row: a generated id nobody can name is not stored (docs/labels.md).
    private TOutput Predict(in TInput input, bool withId, out string? predictionId)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            if (input is null)
            {
                throw new ArgumentNullException(nameof(input));
            }

            Activity? activity = StartActivity();
            try
            {
                Observe(_inputMonitor, in input, "observing the input");
                TOutput output = Infer(in input, activity);
                if (withId)
                {
                    predictionId = ObservePrediction(in output);
                }
                else
                {
                    predictionId = null;
                    Observe(_outputMonitor, in output, "observing the output");
                }

                return output;
            }
            finally
            {
                StopActivity(activity);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>
    /// Refuses new predictions (they throw <see cref="ObjectDisposedException"/>), waits for the ones in flight, then frees
    /// the native session. If runs are still in flight after <see cref="MonitoredInferenceSessionOptions.DisposeTimeout"/>,
    /// the native session is left to its finalizer rather than freed under a running inference, and the timeout is logged.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        PredictionInstruments.Unregister(_errors);

        var spin = default(SpinWait);
        long deadline = Stopwatch.GetTimestamp() + (long)(_disposeTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Volatile.Read(ref _inFlight) != 0)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                ReportMonitoringFailure(new TimeoutException($"{Volatile.Read(ref _inFlight)} predictions were still running after {_disposeTimeout}."), "disposing the session");
                return;
            }

            spin.SpinOnce();
        }

        ((IDisposable)_slots).Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }

    private static InferenceSession Load(string path, SessionOptions? sessionOptions)
    {
        if (!File.Exists(path))
        {
            throw new OnnxModelException(path, "the file does not exist.", new FileNotFoundException("The ONNX model file does not exist.", path));
        }

        try
        {
            return sessionOptions is null ? new InferenceSession(path) : new InferenceSession(path, sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new OnnxModelException(path, $"ONNX Runtime cannot load it as a model: {ex.Message}", ex);
        }
    }

    private TOutput Infer(in TInput input, Activity? activity)
    {
        // Timestamps only when someone listens to the histogram: a pair costs about 0.1 µs on some virtual machines.
        long started = PredictionInstruments.Duration.Enabled ? Stopwatch.GetTimestamp() : 0;
        TOutput output;
        try
        {
            InferenceSlot slot = _slots.Get();
            try
            {
                _mapping.Write(in input, slot.Inputs);
                _session.RunWithBinding(_runOptions, slot.Binding);
                output = _mapping.Read(slot.Outputs);
            }
            finally
            {
                _slots.Return(slot);
            }
        }
        catch (Exception ex)
        {
            CountError(ex, activity);
            throw;
        }

        if (started != 0)
        {
            try
            {
                PredictionInstruments.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, _modelTag, _versionTag);
            }
            catch (Exception ex)
            {
                ReportMonitoringFailure(ex, "recording the duration");
            }
        }

        return output;
    }

    private void Observe<T>(IModelMonitor<T> monitor, in T row, string step)
    {
        try
        {
            monitor.Observe(in row);
        }
        catch (Exception ex)
        {
            // Generated monitors never throw; a hand-written one might.
            ReportMonitoringFailure(ex, step);
        }
    }

    private string? ObservePrediction(in TOutput output)
    {
        try
        {
            return _outputMonitor.ObservePrediction(in output);
        }
        catch (Exception ex)
        {
            ReportMonitoringFailure(ex, "observing the output");
            return null;
        }
    }

    private Activity? StartActivity()
    {
        Activity? before = Activity.Current;
        try
        {
            Activity? activity = MonitorGenDiagnostics.ActivitySource.StartActivity(_activityName, ActivityKind.Internal);
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag(InstrumentNames.ModelTag, ModelName);
                activity.SetTag(InstrumentNames.ModelVersionTag, ModelVersion);
            }

            return activity;
        }
        catch (Exception ex)
        {
            // A throwing ActivityStarted callback leaves the new activity current; the prediction runs without it.
            Activity.Current = before;
            ReportMonitoringFailure(ex, "starting the activity");
            return null;
        }
    }

    private void StopActivity(Activity? activity)
    {
        if (activity is null)
        {
            return;
        }

        try
        {
            activity.Dispose();
        }
        catch (Exception ex)
        {
            Activity.Current = activity.Parent;
            ReportMonitoringFailure(ex, "stopping the activity");
        }
    }

    private void CountError(Exception exception, Activity? activity)
    {
        try
        {
            _errors.Count(exception.GetType().FullName ?? exception.GetType().Name);
            if (activity is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, exception.Message);
                activity.AddException(exception);
            }
        }
        catch (Exception ex)
        {
            ReportMonitoringFailure(ex, "counting a prediction error");
        }
    }

    private void ReportMonitoringFailure(Exception exception, string step)
    {
        try
        {
            MonitorGenDiagnostics.CountSelfError(SelfErrorSources.Prediction, ModelName, ModelVersion);
            OnnxLog.MonitoringFailed(_logger, ModelName, step, exception);
        }
        catch (Exception)
        {
            // The self-error counter's own listener or the logger failed: there is nowhere left to report it, and the
            // prediction must still be served.
        }
    }
}
