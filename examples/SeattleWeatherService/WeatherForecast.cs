using MonitorGen;

namespace SeattleWeatherService;

/// <summary>
/// The model's output: the predicted weather (ONNX output <c>weather</c>) and its probability (<c>confidence</c>). The
/// weather is the prediction that labels (the weather that came) are joined to.
/// </summary>
[Monitor("seattle-weather", Version = "1")]
public partial record WeatherForecast
{
    /// <summary>The most probable weather: prediction drift is tested on it, and its labels give the realized accuracy.</summary>
    [DriftTest(DriftMethod.JensenShannon), Prediction(Score = nameof(Confidence))]
    public Weather Weather { get; init; }

    /// <summary>
    /// The softmax probability of <see cref="Weather"/>, recorded as the <c>confidence</c> KPI: its histogram's buckets are
    /// the reference quantiles (it is drift-tested), its drift is reported like a feature's, and health is Degraded when a
    /// window's mean confidence falls below 0.7 (the training days average about 0.85).
    /// </summary>
    [DriftTest, KpiMetric("confidence", Unit = "1", Target = 0.7)]
    public float Confidence { get; init; }
}
