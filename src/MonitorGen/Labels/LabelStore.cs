using System;
using System.Data.Common;
using System.Threading;
using Microsoft.Data.Sqlite;

namespace MonitorGen.Labels;

/// <summary>
/// Where the pending predictions and the labelled windows live beyond the process (<see cref="MonitorOptions.LabelStore"/>):
/// an embedded SQLite file, so that they survive a restart, or a PostgreSQL database that a fleet of replicas shares, so
/// that a label may arrive through any replica. Without one, they live in memory only.
/// </summary>
/// <remarks>
/// <para>
/// The hot path never touches the store: a prediction goes into the in-memory table as before, and is copied to the store
/// in batches, off the hot path (once a second, when a window closes, and before any label is joined). With a store, the
/// store decides the join, atomically: a label matches a prediction made by any replica, once per source.
/// </para>
/// <para>
/// Opening refuses, with a <see cref="MonitorStateException"/>, a file or database that is not a MonitorGen label store
/// (a foreign table of the same name, another store format, another declaration of the prediction). An unreachable server
/// is not refused: the monitor starts, counts the outage (<c>monitorgen.labels.store.errors</c>) and retries.
/// One store may serve every monitor of the process; each model's rows are its own.
/// </para>
/// </remarks>
public sealed class LabelStore : IDisposable
{
    private readonly DbDataSource? _dataSource;
    private readonly SqliteConnection? _sqlite;
    // SQLite takes one writer at a time: the process keeps one connection and takes turns on it, which is faster than a
    // pool of connections waiting on the file's lock.
    private readonly Lock _sqliteLock = new();
    private bool _sqliteOpen;
    private bool _disposed;

    private LabelStore(SqliteConnection sqlite, string description, string instance)
    {
        _sqlite = sqlite;
        Description = description;
        Instance = instance;
        Dialect = LabelStoreDialect.Sqlite;
    }

    private LabelStore(DbDataSource dataSource, string description, string instance)
    {
        _dataSource = dataSource;
        Description = description;
        Instance = instance;
        Dialect = LabelStoreDialect.PostgreSql;
    }

    /// <summary>What the store is, for messages: the SQLite file, or the PostgreSQL connection without its password.</summary>
    public string Description { get; }

    /// <summary>
    /// The name of this process in the store: the labelled windows of an instance are restored when a process of the same
    /// name starts again. Default <see cref="Environment.MachineName"/> (a pod's name, for a Kubernetes StatefulSet).
    /// </summary>
    public string Instance { get; }

    internal LabelStoreDialect Dialect { get; }

    /// <summary>A SQLite file (created when absent) for the monitors of one process, so that their pending predictions and
    /// labelled windows survive a restart.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="instance">The name of this process in the store; default <see cref="Environment.MachineName"/>.</param>
    public static LabelStore Sqlite(string path, string? instance = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 5 };
        return new LabelStore(new SqliteConnection(builder.ConnectionString), $"SQLite '{path}'", InstanceOrDefault(instance));
    }

    /// <summary>
    /// A PostgreSQL database shared by the replicas of a fleet, through a data source the caller builds and owns (Npgsql's
    /// <c>NpgsqlDataSource.Create(connectionString)</c>), so that MonitorGen takes no dependency on a driver.
    /// </summary>
    /// <param name="dataSource">The database; its connections are pooled by the driver.</param>
    /// <param name="instance">The name of this replica in the store; default <see cref="Environment.MachineName"/>.</param>
    public static LabelStore PostgreSql(DbDataSource dataSource, string? instance = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var builder = new DbConnectionStringBuilder { ConnectionString = dataSource.ConnectionString };
        builder.Remove("Password");
        return new LabelStore(dataSource, $"PostgreSQL '{builder.ConnectionString}'", InstanceOrDefault(instance));
    }

    private static string InstanceOrDefault(string? instance)
    {
        if (instance is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(instance);
            return instance;
        }

        return Environment.MachineName;
    }

    /// <summary>Runs <paramref name="work"/> on a connection: SQLite's one connection, in turn, or one from the data source's pool.</summary>
    internal T Run<T>(Func<DbConnection, T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_sqlite is { } sqlite)
        {
            lock (_sqliteLock)
            {
                if (!_sqliteOpen)
                {
                    sqlite.Open();
                    try
                    {
                        LabelStoreSql.Execute(sqlite, LabelStoreSql.SqlitePragmas);
                    }
                    catch
                    {
                        sqlite.Close();
                        throw;
                    }

                    _sqliteOpen = true;
                }

                return work(sqlite);
            }
        }

        using DbConnection connection = _dataSource!.OpenConnection();
        return work(connection);
    }

    /// <summary>Closes SQLite's connection; a PostgreSQL data source stays the caller's to dispose.</summary>
    public void Dispose()
    {
        if (_sqlite is { } sqlite)
        {
            lock (_sqliteLock)
            {
                _disposed = true;
                sqlite.Dispose();
            }
        }

        _disposed = true;
    }
}
