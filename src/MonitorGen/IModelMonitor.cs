namespace MonitorGen;

/// <summary>A monitor of rows of type <typeparamref name="T"/>; the generated <c>{Type}Monitor</c> classes implement it.</summary>
public interface IModelMonitor<T>
{
    /// <summary>Observes one row: data quality, drift sketches, instruments, logs and trace tags. Never throws.</summary>
    void Observe(in T row);

    /// <summary>
    /// Observes one row, as <see cref="Observe"/> does, and returns the id its label refers to: the generated monitor of
    /// a type with a <see cref="PredictionAttribute"/> member implements it; by default there is no id (null).
    /// </summary>
    string? ObservePrediction(in T row)
    {
        Observe(in row);
        return null;
    }

    /// <summary>Closes the current window and tests it against the reference profile.</summary>
    DriftReport CheckDrift();
}
