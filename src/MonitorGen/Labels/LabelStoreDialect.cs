namespace MonitorGen.Labels;

/// <summary>The SQL a <see cref="LabelStore"/> speaks: the two differ only in how a table numbers its rows and how
/// concurrent replicas take turns creating the tables.</summary>
internal enum LabelStoreDialect
{
    Sqlite,
    PostgreSql,
}
