using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using SeattleWeatherService;
using SeattleWeatherService.Replay;

namespace MonitorGen.IntegrationTests.ExampleService;

/// <summary>Listeners are process-wide: the tests that install throwing ones run alone.</summary>
[CollectionDefinition(nameof(ThrowingListenerCollection), DisableParallelization = true)]
public sealed class ThrowingListenerCollection;

/// <summary>
/// On the example service on a real Kestrel, a metrics listener and an activity listener that throw on every callback of
/// the MonitorGen meter and activity source fail no request, and every prediction is still observed.
/// </summary>
[Collection(nameof(ThrowingListenerCollection))]
public sealed class ThrowingListenerTests
{
    [Fact]
    public async Task Throwing_meter_and_activity_listeners_never_fail_a_request()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using RunningWeatherService service = await RunningWeatherService.StartAsync(cancellationToken: cancel);
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "MonitorGen")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, _, _, _) => throw new InvalidOperationException("meter listener"));
        meters.SetMeasurementEventCallback<double>((_, _, _, _) => throw new InvalidOperationException("meter listener"));
        meters.Start();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MonitorGen",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = _ => throw new InvalidOperationException("activity listener"),
            ActivityStopped = _ => throw new InvalidOperationException("activity listener"),
        };
        ActivitySource.AddActivityListener(activities);

        var (days, _) = WeatherCsv.ReadEmbedded();
        WeatherDay[] sample = days.Take(50).ToArray();
        foreach (WeatherDay day in sample)
        {
            using HttpResponseMessage response = await service.Client.PostAsJsonAsync(ServiceRoutes.Predict, day.Features, ServiceJsonContext.Default.WeatherFeatures, cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using HttpResponseMessage check = await service.Client.PostAsync(ServiceRoutes.DriftCheck, null, cancel);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Equal(sample.Length, service.App.Services.GetRequiredService<WeatherFeaturesMonitor>().ObservedRows);
        Assert.Equal(sample.Length, service.App.Services.GetRequiredService<WeatherForecastMonitor>().ObservedRows);
    }
}
