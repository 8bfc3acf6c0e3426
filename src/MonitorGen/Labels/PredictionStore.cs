using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics.Metrics;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using Microsoft.Data.Sqlite;
using MonitorGen.Telemetry;

namespace MonitorGen.Labels;

/// <summary>
/// One monitor's rows in a <see cref="LabelStore"/>: its predictions, copied in batches from the in-memory table; the
/// labels joined to them, by any replica; and its closed windows. It is what makes a label join survive a restart and
/// cross replicas.
/// </summary>
/// <remarks>
/// Every call but <see cref="Open"/> contains a store failure: it is counted on <c>monitorgen.labels.store.errors</c>
/// and reported by the return value, never thrown, and a store that was unreachable at start-up is opened again later.
/// </remarks>
internal sealed class PredictionStore
{
    private static readonly TimeSpan ReopenInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);
    private static readonly Counter<long> Errors = MonitorGenDiagnostics.Meter.CreateCounter<long>(
        InstrumentNames.LabelStoreErrors, "{error}", "Label store operations that failed (an outage, a lost connection); the work is retried or the label refused, never thrown.");

    private static readonly Counter<long> Dropped = MonitorGenDiagnostics.Meter.CreateCounter<long>(
        InstrumentNames.LabelStoreDropped, "{prediction}", "Predictions pushed out of the in-memory table before they reached the label store.");

    private readonly LabelStore _store;
    private readonly bool _regression;
    private readonly string _model;
    private readonly string _prediction;
    private readonly KeyValuePair<string, object?>[] _tags;
    private readonly Lock _flushLock = new();
    private readonly List<(long Id, PendingPrediction Prediction, long KeyHash)> _batch = [];
    private long[] _flushed = [];
    // Each slot's next sequence, as the flush read it: kept between flushes, which a label runs each time.
    private long[] _next = [];
    private long _lastOpenAttempt;
    private long _lastPrune;
    private bool _open;

    /// <param name="store">The store.</param>
    /// <param name="model">The monitor's key in the store.</param>
    /// <param name="prediction">The prediction's declaration (kind and classes): a store holding another is refused.</param>
    /// <param name="tags">The monitor's tags, for the store's counters.</param>
    /// <param name="regression">Whether the prediction is a number, whose stored values must be finite.</param>
    public PredictionStore(LabelStore store, string model, string prediction, KeyValuePair<string, object?>[] tags, bool regression)
    {
        _regression = regression;
        _store = store;
        _model = model;
        _prediction = prediction;
        _tags = tags;
    }

    /// <summary>This process's number in the store, in 15 bits, the high bits of its prediction ids.</summary>
    public int Epoch { get; private set; }

    /// <summary>The number of this process's first window: one after the instance's last stored window.</summary>
    public long WindowBase { get; private set; }

    public string Description => _store.Description;

    /// <summary>
    /// Creates the tables where absent, checks that the store is one of ours for this prediction, takes a process number,
    /// and reads back the instance's latest <paramref name="history"/> closed windows (oldest first, with the number of the
    /// window this process opens) and every label joined to its predictions that an earlier process took (through
    /// <paramref name="restore"/>); the labels other replicas joined since are for <see cref="TakeDeliveries"/>.
    /// </summary>
    /// <exception cref="MonitorStateException">The store is corrupt or foreign, or holds another declaration of the prediction.</exception>
    public void Open(int slots, int history, long nowTicks, Action<IReadOnlyList<(long Window, long OpenedTicks, long ClosedTicks, long Predictions)>, long> restoreWindows, Action<StoredLabel> restore)
    {
        _flushed = new long[slots];
        _next = new long[slots];
        _lastOpenAttempt = Environment.TickCount64;
        try
        {
            (int epoch, long windowBase) = _store.Run(connection => OpenOn(connection, history, nowTicks, restoreWindows, restore));
            Epoch = epoch;
            WindowBase = windowBase;
            _open = true;
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            // Started all the same: the ids take a random process number, and the windows are numbered from 0 and not
            // restored. Counted, and opened again on the next use.
            Epoch = Random.Shared.Next(1, 1 << PredictionId.EpochBits);
            Count("open");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or InvalidCastException or FormatException or OverflowException)
        {
            throw new MonitorStateException(_store.Description, Problem(ex), ex);
        }
    }

    private (int Epoch, long WindowBase) OpenOn(DbConnection connection, int history, long nowTicks,
        Action<IReadOnlyList<(long, long, long, long)>, long> restoreWindows, Action<StoredLabel> restore)
    {
        using (DbTransaction create = connection.BeginTransaction())
        {
            if (_store.Dialect == LabelStoreDialect.PostgreSql)
            {
                LabelStoreSql.Execute(connection, LabelStoreSql.PostgreSqlCreateLock, create);
            }

            foreach (string sql in LabelStoreSql.Create(_store.Dialect))
            {
                LabelStoreSql.Execute(connection, sql, create);
            }

            foreach (string probe in LabelStoreSql.Probes)
            {
                LabelStoreSql.Execute(connection, probe, create);
            }

            CheckFormat(connection, create);
            using (DbCommand insert = LabelStoreSql.Command(connection, create, LabelStoreSql.InsertModel, "model", "prediction"))
            {
                LabelStoreSql.Set(insert, "model", _model);
                LabelStoreSql.Set(insert, "prediction", _prediction);
                insert.ExecuteNonQuery();
            }

            using (DbCommand select = LabelStoreSql.Command(connection, create, LabelStoreSql.SelectModel, "model"))
            {
                LabelStoreSql.Set(select, "model", _model);
                string stored = select.ExecuteScalar() as string ?? "";
                if (!string.Equals(stored, _prediction, StringComparison.Ordinal))
                {
                    throw new MonitorStateException(_store.Description,
                        $"it holds the predictions of model '{_model}' declared as {stored}, not as {_prediction}: use another store, or delete that model's rows");
                }
            }

            create.Commit();
        }

        using DbTransaction open = connection.BeginTransaction();
        int epoch;
        using (DbCommand insert = LabelStoreSql.Command(connection, open, LabelStoreSql.InsertEpoch, "model", "instance", "ticks"))
        {
            LabelStoreSql.Set(insert, "model", _model);
            LabelStoreSql.Set(insert, "instance", _store.Instance);
            LabelStoreSql.Set(insert, "ticks", nowTicks);
            long number = Convert.ToInt64(insert.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            // 0 is the epoch of a monitor without a store; the 15 bits wrap after 32,767 processes, long after the label
            // horizon has let the predictions of the first ones go.
            epoch = (int)(((number - 1) % ((1 << PredictionId.EpochBits) - 1)) + 1);
        }

        long windowBase;
        using (DbCommand last = LabelStoreSql.Command(connection, open, LabelStoreSql.SelectLastWindow, "model", "instance"))
        {
            LabelStoreSql.Set(last, "model", _model);
            LabelStoreSql.Set(last, "instance", _store.Instance);
            object? max = last.ExecuteScalar();
            windowBase = max is null or DBNull ? 0 : Convert.ToInt64(max, System.Globalization.CultureInfo.InvariantCulture) + 1;
        }

        var windows = new List<(long, long, long, long)>();
        using (DbCommand select = LabelStoreSql.Command(connection, open, LabelStoreSql.SelectWindows, "model", "instance", "limit"))
        {
            LabelStoreSql.Set(select, "model", _model);
            LabelStoreSql.Set(select, "instance", _store.Instance);
            LabelStoreSql.Set(select, "limit", history);
            using DbDataReader reader = select.ExecuteReader();
            while (reader.Read())
            {
                (long window, long opened, long closed, long predictions) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
                if (!IsTime(opened) || !IsTime(closed) || closed < opened || predictions < 0)
                {
                    throw Foreign("monitorgen_windows", $"window {window} opens at {opened} and closes at {closed} ticks with {predictions} predictions");
                }

                windows.Add((window, opened, closed, predictions));
            }
        }

        windows.Reverse();
        restoreWindows(windows, windowBase);
        using (DbCommand select = LabelStoreSql.Command(connection, open, LabelStoreSql.SelectOwnLabels, "model", "instance"))
        {
            LabelStoreSql.Set(select, "model", _model);
            LabelStoreSql.Set(select, "instance", _store.Instance);
            using DbDataReader reader = select.ExecuteReader();
            while (reader.Read())
            {
                StoredLabel label = ReadLabel(reader);
                if (ProblemOf(label) is { } problem)
                {
                    throw Foreign("monitorgen_labels", problem);
                }

                restore(label);
            }
        }

        open.Commit();
        return (epoch, windowBase);
    }

    private void CheckFormat(DbConnection connection, DbTransaction transaction)
    {
        var formats = new List<long>();
        using (DbCommand select = LabelStoreSql.Command(connection, transaction, LabelStoreSql.SelectFormat))
        {
            using DbDataReader reader = select.ExecuteReader();
            while (reader.Read())
            {
                formats.Add(reader.IsDBNull(0) ? -1 : Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (formats.Count == 0)
        {
            using DbCommand insert = LabelStoreSql.Command(connection, transaction, LabelStoreSql.InsertFormat, "format");
            LabelStoreSql.Set(insert, "format", LabelStoreSql.Format);
            insert.ExecuteNonQuery();
        }
        else if (formats is not [LabelStoreSql.Format])
        {
            throw new MonitorStateException(_store.Description,
                $"its monitorgen_store table says format {string.Join(", ", formats)}; this library reads format {LabelStoreSql.Format} only");
        }
    }

    /// <summary>Copies the predictions added to <paramref name="table"/> since the last flush; false when the store failed
    /// (they are tried again next time, while the table still holds them).</summary>
    /// <param name="table">The in-memory table.</param>
    /// <param name="className">A classifier's class name of a code; null for a regressor.</param>
    /// <param name="nowTicks">Now, for the pruning of predictions far past the horizon.</param>
    /// <param name="horizonTicks">The label horizon.</param>
    public bool Flush(PendingPredictionTable table, Func<int, string?>? className, long nowTicks, long horizonTicks)
    {
        lock (_flushLock)
        {
            if (!EnsureOpen())
            {
                return false;
            }

            _batch.Clear();
            long dropped = 0;
            long[] next = _next;
            for (int slot = 0; slot < _flushed.Length; slot++)
            {
                next[slot] = table.NextSequence(slot);
                long from = Math.Max(_flushed[slot], next[slot] - table.CapacityPerSlot);
                dropped += from - _flushed[slot];
                for (long sequence = from; sequence < next[slot]; sequence++)
                {
                    if (table.TryRead(slot, sequence, out PendingPrediction prediction, out long keyHash))
                    {
                        _batch.Add((new PredictionId(slot, sequence, Epoch).Value, prediction, keyHash));
                    }
                    else
                    {
                        dropped++;
                    }
                }
            }

            bool prune = nowTicks - _lastPrune > PruneInterval.Ticks;
            if (_batch.Count == 0 && !prune)
            {
                return true;
            }

            bool written = TryRun("flush", connection =>
            {
                using DbTransaction transaction = connection.BeginTransaction();
                if (_batch.Count > 0)
                {
                    using DbCommand insert = LabelStoreSql.Command(connection, transaction, LabelStoreSql.InsertPrediction,
                        "model", "id", "instance", "ticks", "window", "predicted", "value", "score", "key");
                    LabelStoreSql.Set(insert, "model", _model);
                    LabelStoreSql.Set(insert, "instance", _store.Instance);
                    insert.Prepare();
                    foreach ((long id, PendingPrediction prediction, long keyHash) in _batch)
                    {
                        LabelStoreSql.Set(insert, "id", id);
                        LabelStoreSql.Set(insert, "key", keyHash == 0 ? null : keyHash);
                        LabelStoreSql.Set(insert, "ticks", prediction.TimestampTicks);
                        LabelStoreSql.Set(insert, "window", WindowBase + prediction.Window);
                        LabelStoreSql.Set(insert, "predicted", className?.Invoke(prediction.Code));
                        LabelStoreSql.Set(insert, "value", className is null ? prediction.Value : double.NaN);
                        LabelStoreSql.Set(insert, "score", (double)prediction.Score);
                        insert.ExecuteNonQuery();
                    }
                }

                if (prune)
                {
                    // Twice the horizon: a label for a prediction between the two is still told apart as late, not unknown.
                    using DbCommand delete = LabelStoreSql.Command(connection, transaction, LabelStoreSql.DeletePredictions, "model", "before");
                    LabelStoreSql.Set(delete, "model", _model);
                    LabelStoreSql.Set(delete, "before", nowTicks - (2 * horizonTicks));
                    delete.ExecuteNonQuery();
                }

                transaction.Commit();
                return true;
            }, out _);
            if (written)
            {
                Array.Copy(next, _flushed, next.Length);
                if (prune)
                {
                    _lastPrune = nowTicks;
                }
            }

            if (dropped > 0)
            {
                Dropped.Add(dropped, _tags);
                if (!written)
                {
                    // Counted once: the cursor moves past what the table no longer holds.
                    for (int slot = 0; slot < _flushed.Length; slot++)
                    {
                        _flushed[slot] = Math.Max(_flushed[slot], next[slot] - table.CapacityPerSlot);
                    }
                }
            }

            return written;
        }
    }

    /// <summary>
    /// Joins a label to the stored prediction with the generated <paramref name="id"/>, or else the newest with the own id's
    /// <paramref name="keyHash"/>, once per source, and stores it: for this instance to read back after a restart, or for
    /// the replica that made the prediction to take (<see cref="TakeDeliveries"/>).
    /// </summary>
    /// <returns>The outcome, or null when the store failed (counted; the label is not recorded).</returns>
    public LabelOutcome? Take(long id, long keyHash, LabelSource source, string? actual, double actualValue, long nowTicks, long horizonTicks,
        Func<double> weight, out StoredLabel? label, out bool ownPrediction, out long takenId)
    {
        StoredLabel? joined = null;
        bool own = false;
        long taken = 0;
        bool byKey = keyHash != 0;
        LabelOutcome result = default;
        bool ran = EnsureOpen() && TryRun("take", connection =>
        {
            using DbTransaction transaction = connection.BeginTransaction();
            LabelOutcome outcome;
            using (DbCommand take = LabelStoreSql.Command(connection, transaction, byKey ? LabelStoreSql.TakePredictionByKey : LabelStoreSql.TakePrediction,
                "bit", "programmatic", "actual", "model", byKey ? "key" : "id"))
            {
                LabelStoreSql.Set(take, "bit", 1 << (int)source);
                LabelStoreSql.Set(take, "programmatic", source == LabelSource.Programmatic);
                LabelStoreSql.Set(take, "actual", actual);
                LabelStoreSql.Set(take, "model", _model);
                LabelStoreSql.Set(take, byKey ? "key" : "id", byKey ? keyHash : id);
                using DbDataReader reader = take.ExecuteReader();
                if (reader.Read())
                {
                    string instance = reader.GetString(0);
                    long ticks = reader.GetInt64(1);
                    taken = reader.GetInt64(7);
                    own = string.Equals(instance, _store.Instance, StringComparison.Ordinal);
                    outcome = nowTicks - ticks > horizonTicks ? LabelOutcome.Late : LabelOutcome.Matched;
                    if (outcome == LabelOutcome.Matched)
                    {
                        joined = new StoredLabel(source, reader.GetInt64(2), ticks, LabelStoreSql.StringOrNull(reader, 3),
                            LabelStoreSql.DoubleOrNaN(reader, 4), LabelStoreSql.DoubleOrNaN(reader, 5), actual, actualValue,
                            Math.Max(0, (nowTicks - ticks) / (double)TimeSpan.TicksPerSecond), weight(),
                            source == LabelSource.Natural ? LabelStoreSql.StringOrNull(reader, 6) : null);
                    }

                    reader.Close();
                    if (joined is not null && ProblemOf(joined) is not null)
                    {
                        // A prediction row that MonitorGen did not write: the label joins nothing, and it is counted.
                        joined = null;
                        outcome = LabelOutcome.Unmatched;
                        Count("take");
                    }

                    if (joined is not null)
                    {
                        InsertLabel(connection, transaction, taken, instance, own, joined);
                    }
                }
                else
                {
                    reader.Close();
                    using DbCommand exists = LabelStoreSql.Command(connection, transaction, byKey ? LabelStoreSql.PredictionKeyExists : LabelStoreSql.PredictionExists,
                        "model", byKey ? "key" : "id");
                    LabelStoreSql.Set(exists, "model", _model);
                    LabelStoreSql.Set(exists, byKey ? "key" : "id", byKey ? keyHash : id);
                    outcome = exists.ExecuteScalar() is null ? LabelOutcome.Unmatched : LabelOutcome.Duplicate;
                }
            }

            transaction.Commit();
            return outcome;
        }, out result);
        label = joined;
        ownPrediction = own;
        takenId = taken;
        return ran ? result : null;
    }

    private void InsertLabel(DbConnection connection, DbTransaction transaction, long id, string instance, bool own, StoredLabel label)
    {
        using DbCommand insert = LabelStoreSql.Command(connection, transaction, LabelStoreSql.InsertLabel,
            "model", "instance", "delivered", "id", "source", "window", "ticks", "predicted", "value", "score", "actual", "actual_value", "delay", "weight", "programmatic_label");
        LabelStoreSql.Set(insert, "model", _model);
        LabelStoreSql.Set(insert, "instance", instance);
        LabelStoreSql.Set(insert, "delivered", own ? 1 : 0);
        LabelStoreSql.Set(insert, "id", id);
        LabelStoreSql.Set(insert, "source", (int)label.Source);
        LabelStoreSql.Set(insert, "window", label.Window);
        LabelStoreSql.Set(insert, "ticks", label.TimestampTicks);
        LabelStoreSql.Set(insert, "predicted", label.Predicted);
        LabelStoreSql.Set(insert, "value", label.Value);
        LabelStoreSql.Set(insert, "score", label.Score);
        LabelStoreSql.Set(insert, "actual", label.Actual);
        LabelStoreSql.Set(insert, "actual_value", label.ActualValue);
        LabelStoreSql.Set(insert, "delay", label.DelaySeconds);
        LabelStoreSql.Set(insert, "weight", label.Weight);
        LabelStoreSql.Set(insert, "programmatic_label", label.Programmatic);
        insert.ExecuteNonQuery();
    }

    /// <summary>Reads the labels that other replicas joined to this instance's predictions since the last call.</summary>
    public bool TakeDeliveries(Action<StoredLabel> add)
    {
        if (!EnsureOpen())
        {
            return false;
        }

        var labels = new List<StoredLabel>();
        bool ran = TryRun("deliveries", connection =>
        {
            using DbCommand take = LabelStoreSql.Command(connection, null, LabelStoreSql.TakeDeliveries, "model", "instance");
            LabelStoreSql.Set(take, "model", _model);
            LabelStoreSql.Set(take, "instance", _store.Instance);
            using DbDataReader reader = take.ExecuteReader();
            while (reader.Read())
            {
                labels.Add(ReadLabel(reader));
            }

            return true;
        }, out _);
        foreach (StoredLabel label in labels)
        {
            if (ProblemOf(label) is null)
            {
                add(label);
            }
            else
            {
                // Written by no MonitorGen: left out of the figures, and counted.
                Count("deliveries");
            }
        }

        return ran;
    }

    /// <summary>Stores a closed window (numbered as the ledger numbers it), so that a restarted instance shows it again.</summary>
    public bool SaveWindow(long window, long openedTicks, long closedTicks, long predictions) =>
        EnsureOpen() && TryRun("window", connection =>
        {
            using DbCommand insert = LabelStoreSql.Command(connection, null, LabelStoreSql.InsertWindow, "model", "instance", "window", "opened", "closed", "predictions");
            LabelStoreSql.Set(insert, "model", _model);
            LabelStoreSql.Set(insert, "instance", _store.Instance);
            LabelStoreSql.Set(insert, "window", window);
            LabelStoreSql.Set(insert, "opened", openedTicks);
            LabelStoreSql.Set(insert, "closed", closedTicks);
            LabelStoreSql.Set(insert, "predictions", predictions);
            insert.ExecuteNonQuery();
            return true;
        }, out _);

    // Every row this library writes passes; a row edited by hand, or by someone hostile, is named instead of trusted.
    private string? ProblemOf(StoredLabel label) =>
        !Enum.IsDefined(label.Source) ? $"a label of source {(int)label.Source}"
        : !IsTime(label.TimestampTicks) ? $"a prediction time of {label.TimestampTicks} ticks"
        : !(double.IsFinite(label.DelaySeconds) && label.DelaySeconds >= 0) ? $"a label delay of {label.DelaySeconds} s"
        : !(double.IsFinite(label.Weight) && label.Weight > 0) ? $"a label weight of {label.Weight}"
        : _regression && !(double.IsFinite(label.Value) && double.IsFinite(label.ActualValue)) ? $"a prediction of {label.Value} labelled {label.ActualValue}"
        : null;

    private static bool IsTime(long ticks) => ticks >= 0 && ticks <= DateTime.MaxValue.Ticks;

    private MonitorStateException Foreign(string table, string problem) =>
        new(_store.Description, $"{table} holds a row that MonitorGen did not write ({problem}): delete it, or use another store");

    private static StoredLabel ReadLabel(DbDataReader reader) => new(
        (LabelSource)reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2), LabelStoreSql.StringOrNull(reader, 3),
        LabelStoreSql.DoubleOrNaN(reader, 4), LabelStoreSql.DoubleOrNaN(reader, 5), LabelStoreSql.StringOrNull(reader, 6),
        LabelStoreSql.DoubleOrNaN(reader, 7), reader.GetDouble(8), reader.GetDouble(9), LabelStoreSql.StringOrNull(reader, 10));

    // A store that was unreachable at start-up is tried again, at most every few seconds; it then serves the joins, but
    // the windows it held are not restored (the process numbers its windows from 0 already).
    private bool EnsureOpen()
    {
        if (Volatile.Read(ref _open))
        {
            return true;
        }

        long now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastOpenAttempt) < ReopenInterval.TotalMilliseconds)
        {
            return false;
        }

        Interlocked.Exchange(ref _lastOpenAttempt, now);
        bool opened = TryRun("open", connection =>
        {
            OpenOn(connection, 0, DateTime.UtcNow.Ticks, static (_, _) => { }, static _ => { });
            return true;
        }, out _);
        Volatile.Write(ref _open, opened);
        return opened;
    }

    private bool TryRun<T>(string operation, Func<DbConnection, T> work, out T result)
    {
        try
        {
            result = _store.Run(work);
            return true;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException or SocketException or TimeoutException or MonitorStateException
            or ObjectDisposedException or InvalidCastException or FormatException or OverflowException)
        {
            result = default!;
            Count(operation);
            return false;
        }
    }

    private void Count(string operation)
    {
        var tags = new KeyValuePair<string, object?>[_tags.Length + 1];
        _tags.CopyTo(tags, 0);
        tags[^1] = new(InstrumentNames.OperationTag, operation);
        Errors.Add(1, tags);
    }

    // An outage is a server that did not answer or a file that is busy: the store may come back. Anything else (not a
    // database, a foreign table, a refused statement) is a store that never will, and start-up says so.
    private static bool IsOutage(Exception ex) => ex switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        DbException db => db.SqlState is not { Length: 5 } state || state.StartsWith("08", StringComparison.Ordinal)
            || state.StartsWith("53", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal),
        SocketException or TimeoutException or IOException => true,
        _ => false,
    };

    private static string Problem(Exception ex) => ex switch
    {
        SqliteException { SqliteErrorCode: 26 or 11 } => $"not a SQLite database, or a corrupt one ({ex.Message})",
        SqliteException { SqliteErrorCode: 14 } => $"the file cannot be opened or created ({ex.Message})",
        _ => $"not a MonitorGen label store, or one it cannot use: {ex.Message}",
    };
}
