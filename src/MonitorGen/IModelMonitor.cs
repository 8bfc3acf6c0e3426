namespace MonitorGen;

/// <summary>A monitor of rows of type <typeparamref name="T"/>; the generated <c>{Type}Monitor</c> classes implement it.</summary>
public interface IModelMonitor<T>
{
    /// <summary>Observes one row: data quality, drift sketches, instruments, logs and trace tags. Never throws.</summary>
    void Observe(in T row);

    /// <summary>Closes the current window and tests it against the reference profile.</summary>
    DriftReport CheckDrift();
}
