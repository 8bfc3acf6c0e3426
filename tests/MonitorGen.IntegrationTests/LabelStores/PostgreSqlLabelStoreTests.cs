using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MonitorGen.Labels;
using MonitorGen.Performance;
using MonitorGen.Telemetry;
using MonitorGen.IntegrationTests.ExampleService;
using Npgsql;
using SeattleWeatherService;

namespace MonitorGen.IntegrationTests.LabelStores;

/// <summary>
/// The PostgreSQL label store, the fleet's case (issue 12, §3), against a real server from the Debian package: a
/// prediction served by replica A takes its label through replica B, each prediction is labelled once per source however
/// the replicas race, a restarted replica finds its windows again, a foreign database is refused at start-up, and an
/// unreachable server is counted, never thrown. Skipped without PostgreSQL; failed instead when MONITORGEN_REQUIRE_POSTGRES=1.
/// </summary>
public sealed class PostgreSqlLabelStoreTests
{
    private static ReferenceProfile Profile { get; } = ChurnPrediction.FitProfile(
        Enumerable.Range(0, 400).Select(i => new ChurnPrediction { Churns = i % 3 == 0, Probability = 0.5 + (i % 50 / 100.0) }));

    private static ChurnPredictionMonitor Replica(NpgsqlDataSource database, string name, out LabelStore store)
    {
        store = LabelStore.PostgreSql(database, name);
        return new ChurnPredictionMonitor(Profile, new MonitorOptions { LabelStore = store, LabelCapacity = 4096 });
    }

    [Fact]
    public async Task A_prediction_served_by_replica_A_takes_its_label_through_replica_B()
    {
        await using PostgresServer server = await PostgresServer.StartAsync(TestContext.Current.CancellationToken);
        await using NpgsqlDataSource databaseA = NpgsqlDataSource.Create(server.ConnectionString);
        await using NpgsqlDataSource databaseB = NpgsqlDataSource.Create(server.ConnectionString);
        using ChurnPredictionMonitor a = Replica(databaseA, "replica-a", out LabelStore storeA);
        using ChurnPredictionMonitor b = Replica(databaseB, "replica-b", out LabelStore storeB);

        // A serves 40 predictions; their labels all arrive through B, and 30 of them agree with the prediction.
        var served = Enumerable.Range(0, 40)
            .Select(i => (Id: a.ObservePrediction(new ChurnPrediction { Churns = i % 2 == 0, Probability = 0.6 + (i % 4 / 10.0) })!, Predicted: i % 2 == 0))
            .ToArray();
        // A copies its predictions to the store once a second, and whenever a window closes: here, at once.
        a.CheckDrift();
        for (int i = 0; i < served.Length; i++)
        {
            bool label = i < 30 ? served[i].Predicted : !served[i].Predicted;
            Assert.Equal(LabelOutcome.Matched, b.RecordLabel(served[i].Id, label));
        }

        // The same label through A now is a second one from the same source.
        Assert.Equal(LabelOutcome.Duplicate, a.RecordLabel(served[0].Id, served[0].Predicted));
        // The labels land with the predictions: in A's windows, none in B's.
        PerformanceReport atA = a.Performance()!;
        Assert.Equal(40, atA.Cumulative.Labels);
        Assert.Equal(0.75, atA.Cumulative.Classification!.Accuracy, 12);
        Assert.Equal((40L, 40L), (atA.Windows[0].Predictions!.Value, atA.Windows[0].Labels));
        Assert.Equal(0, b.Performance()!.Cumulative.Labels);

        // And the other way round, for one of B's own.
        string ofB = b.ObservePrediction(new ChurnPrediction { Churns = true, Probability = 0.9 })!;
        b.CheckDrift();
        Assert.Equal(LabelOutcome.Matched, a.RecordLabel(ofB, true));
        Assert.Equal(1, b.Performance()!.Cumulative.Labels);
        storeA.Dispose();
        storeB.Dispose();
    }

    [Fact]
    public async Task Through_the_example_service_a_forecast_served_by_replica_A_is_labelled_through_replica_B()
    {
        CancellationToken cancel = TestContext.Current.CancellationToken;
        await using PostgresServer server = await PostgresServer.StartAsync(cancel);
        string store = $"--{WeatherService.PostgreSqlLabelStoreKey}={server.ConnectionString}";
        await using ExampleReplica a = await ExampleReplica.StartAsync(cancel, store, $"--{WeatherService.LabelStoreInstanceKey}=replica-a");
        await using ExampleReplica b = await ExampleReplica.StartAsync(cancel, store, $"--{WeatherService.LabelStoreInstanceKey}=replica-b");
        var forecasts = new List<ForecastResponse>();
        for (int day = 0; day < 8; day++)
        {
            forecasts.Add(await a.PredictOneAsync(new WeatherFeatures { Precipitation = day % 3 * 4.5f, TempMax = 8 + day, TempMin = 2 + (day / 2f), Wind = 3.5f }, cancel));
        }

        // Closing A's window copies its predictions to the store at once (it also does so every second).
        (await a.CheckAsync(cancel)).Dispose();
        // Six labels agree with the forecast, two do not; all go to B.
        var labels = new JsonArray([.. forecasts.Select((f, i) => new JsonObject
        {
            ["predictionId"] = f.PredictionId,
            ["label"] = (i < 6 ? f.Weather : f.Weather == Weather.Sun ? Weather.Rain : Weather.Sun).ToString(),
            ["source"] = "natural",
        })]);
        using (HttpResponseMessage posted = await b.Client.PostAsync("monitoring/labels", new StringContent(labels.ToJsonString(), Encoding.UTF8, "application/json"), cancel))
        {
            string body = await posted.Content.ReadAsStringAsync(cancel);
            Assert.True(posted.IsSuccessStatusCode, body);
            using JsonDocument answer = JsonDocument.Parse(body);
            Assert.Equal(8, answer.RootElement.GetProperty("accepted").GetInt32());
            Assert.Equal(0, answer.RootElement.GetProperty("rejected").GetArrayLength());
        }

        Assert.Equal((8, 0.75), await CumulativeAsync(a, cancel));
        Assert.Equal((0, double.NaN), await CumulativeAsync(b, cancel));
    }

    // The forecasts' cumulative natural-label count and accuracy, from GET /monitoring/performance.
    private static async Task<(int Count, double Accuracy)> CumulativeAsync(ExampleReplica replica, CancellationToken cancel)
    {
        using JsonDocument performance = JsonDocument.Parse(await replica.Client.GetStringAsync("monitoring/performance", cancel));
        JsonElement forecast = performance.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("record").GetString() == "WeatherForecast");
        JsonElement cumulative = forecast.GetProperty("cumulative");
        int count = cumulative.GetProperty("count").GetInt32();
        return (count, count == 0 ? double.NaN : cumulative.GetProperty("accuracy").GetDouble());
    }

    [Fact]
    public async Task Racing_replicas_label_each_prediction_once_per_source()
    {
        await using PostgresServer server = await PostgresServer.StartAsync(TestContext.Current.CancellationToken);
        await using NpgsqlDataSource databaseA = NpgsqlDataSource.Create(server.ConnectionString);
        await using NpgsqlDataSource databaseB = NpgsqlDataSource.Create(server.ConnectionString);
        using ChurnPredictionMonitor a = Replica(databaseA, "replica-a", out _);
        using ChurnPredictionMonitor b = Replica(databaseB, "replica-b", out _);
        string[] ids = [.. Enumerable.Range(0, 300).Select(i => a.ObservePrediction(new ChurnPrediction { Churns = i % 2 == 0, Probability = 0.7 })!)];
        a.CheckDrift();

        // Both replicas get every label at once, as a retrying client behind a load balancer would send them.
        var outcomes = new[] { new List<LabelOutcome>(), new List<LabelOutcome>() };
        ChurnPredictionMonitor[] replicas = [a, b];
        Thread[] threads = [.. Enumerable.Range(0, 2).Select(r => new Thread(() =>
        {
            foreach (string id in r == 0 ? ids : ids.Reverse())
            {
                outcomes[r].Add(replicas[r].RecordLabel(id, true));
            }
        }))];
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        IEnumerable<LabelOutcome> all = outcomes.SelectMany(o => o);
        Assert.Equal(300, all.Count(o => o == LabelOutcome.Matched));
        Assert.Equal(300, all.Count(o => o == LabelOutcome.Duplicate));
        Assert.True(outcomes[0].Contains(LabelOutcome.Matched) && outcomes[1].Contains(LabelOutcome.Matched), "one replica took every label: the race was not exercised");
        Assert.Equal(300, a.Performance()!.Cumulative.Labels);
    }

    [Fact]
    public async Task A_restarted_replica_finds_its_windows_and_its_pending_predictions()
    {
        await using PostgresServer server = await PostgresServer.StartAsync(TestContext.Current.CancellationToken);
        await using NpgsqlDataSource database = NpgsqlDataSource.Create(server.ConnectionString);
        string[] ids;
        using (ChurnPredictionMonitor first = Replica(database, "replica-a", out _))
        {
            ids = [.. Enumerable.Range(0, 10).Select(i => first.ObservePrediction(new ChurnPrediction { Churns = true, Probability = 0.8 })!)];
            Assert.Equal(LabelOutcome.Matched, first.RecordLabel(ids[0], true));
            first.CheckDrift();
        }

        using ChurnPredictionMonitor second = Replica(database, "replica-a", out _);
        PerformanceReport restored = second.Performance()!;
        Assert.Equal([0L, 1], restored.Windows.Select(w => w.Window));
        Assert.Equal((10L, 1L), (restored.Windows[0].Predictions!.Value, restored.Windows[0].Labels));
        Assert.All(ids.Skip(1), id => Assert.Equal(LabelOutcome.Matched, second.RecordLabel(id, false)));
        Assert.Equal(10, second.Performance()!.Windows[0].Labels);
        Assert.Equal(0.1, second.Performance()!.Windows[0].Classification!.Accuracy, 12);
    }

    [Fact]
    public async Task A_foreign_table_of_the_same_name_is_refused_at_start_up()
    {
        await using PostgresServer server = await PostgresServer.StartAsync(TestContext.Current.CancellationToken);
        await using NpgsqlDataSource database = NpgsqlDataSource.Create(server.ConnectionString);
        await using (NpgsqlCommand create = database.CreateCommand("CREATE TABLE monitorgen_labels (invoice_id INTEGER PRIMARY KEY, amount NUMERIC)"))
        {
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        MonitorStateException refused = Assert.Throws<MonitorStateException>(() => Replica(database, "replica-a", out _));
        Assert.Contains("not a MonitorGen label store", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Needs no server: nothing listens on the port.</summary>
    [Fact]
    public void An_unreachable_server_is_counted_and_never_thrown_into_a_request()
    {
        long errors = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MonitorGenDiagnostics.Name && instrument.Name == InstrumentNames.LabelStoreErrors)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                if (tag is { Key: InstrumentNames.ModelTag, Value: "churn-model" })
                {
                    Interlocked.Add(ref errors, value);
                }
            }
        });
        listener.Start();

        using NpgsqlDataSource nowhere = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={LoopbackPort.Free()};Username=postgres;Password=secret;Timeout=2");
        using ChurnPredictionMonitor monitor = Replica(nowhere, "replica-a", out LabelStore store);
        Assert.True(Interlocked.Read(ref errors) >= 1, "the failed open was not counted");
        Assert.DoesNotContain("secret", store.Description, StringComparison.Ordinal);

        string id = monitor.ObservePrediction(new ChurnPrediction { Churns = true, Probability = 0.9 })!;
        Assert.Matches("^[0-9a-f]{16}$", id);
        LabelOutcome outcome = monitor.RecordLabel(id, true);
        Assert.Equal(LabelOutcome.Rejected, outcome);
        monitor.CheckDrift();
        Assert.True(Interlocked.Read(ref errors) >= 1);
    }
}
