using System;
using System.Runtime.CompilerServices;
using System.Threading;
using BenchmarkDotNet.Attributes;
using MonitorGen.Monitoring;
using MonitorGen.Sketches;

namespace MonitorGen.Benchmarks;

/// <summary>
/// What a row pays to enter and leave its window shard, side by side: the per-thread shards of before issue 11 (a
/// thread-static table lookup and two plain sequence stores, kept here as <see cref="ThreadStaticShards"/>) against the
/// fixed pool (<see cref="ShardPool"/>: the processor's slot, one compare-exchange in, one release store out). The rest
/// of <c>Observe</c> is the same code either way.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class RowHandshakeBenchmarks
{
    private const int Rows = 1024;

    private ShardPool _pool = null!;
    private ThreadStaticShards _threadStatic = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pool = new ShardPool(CreateWindows);
        _pool.CreateWindows();
        _threadStatic = new ThreadStaticShards();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public long ThreadStatic()
    {
        long rows = 0;
        for (int i = 0; i < Rows; i++)
        {
            ThreadStaticShards.Shard shard = _threadStatic.Enter();
            shard.Rows++;
            ThreadStaticShards.Exit(shard);
            rows += shard.Rows;
        }

        return rows;
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public long Pool()
    {
        long rows = 0;
        for (int i = 0; i < Rows; i++)
        {
            WindowShard shard = _pool.Enter();
            shard.Rows++;
            ShardPool.Exit(shard);
            rows += shard.Rows;
        }

        return rows;
    }

    private static WindowShard CreateWindows(ObservationShard owner, int number) =>
        new(owner, Array.Empty<NumericWindow?>(), Array.Empty<CategoricalWindow?>());

    /// <summary>The hot path of the per-thread shard registry that the pool replaced, as it was.</summary>
    internal sealed class ThreadStaticShards
    {
        [ThreadStatic]
        private static Shard?[]? t_shards;

        private static int s_lastId = -1;
        private readonly int _id = Interlocked.Increment(ref s_lastId);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Shard Enter()
        {
            Shard?[]? table = t_shards;
            Shard shard = (table is not null && (uint)_id < (uint)table.Length ? table[_id] : null) ?? Register();
            Volatile.Write(ref shard.Sequence, shard.Sequence + 1);
            return shard;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Exit(Shard shard) => Volatile.Write(ref shard.Sequence, shard.Sequence + 1);

        private Shard Register()
        {
            Shard?[] table = t_shards ?? new Shard?[_id + 1];
            if (table.Length <= _id)
            {
                Array.Resize(ref table, _id + 1);
            }

            t_shards = table;
            return table[_id] = new Shard();
        }

        internal sealed class Shard
        {
            public long Sequence;
            public long Rows;
        }
    }
}
