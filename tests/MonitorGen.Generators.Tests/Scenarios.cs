namespace MonitorGen.Generators.Tests;

/// <summary>Representative monitored types, each a baseline of its own.</summary>
internal static class Scenarios
{
    public const string Penguin = """
        using MonitorGen;

        namespace Demo;

        public enum Island { Biscoe, Dream, Torgersen }

        [Monitor("penguin-classifier", Version = "1.0")]
        public partial record PenguinFeatures
        {
            [DriftTest] public float BeakLengthMm { get; init; }
            [DriftTest(DriftMethod.Psi, Threshold = 0.2)] public float FlipperLengthMm { get; init; }
            [DriftTest, Expect(Min = 2000, Max = 7000)] public float? BodyMassG { get; init; }
            [DriftTest] public Island Island { get; init; }
            [NotMonitored("free text, not a model input")] public string? Note { get; init; }
        }
        """;

    /// <summary>ONNX mappings: a monitored input and outputs of every shape, and an unmonitored [OnnxRecord].</summary>
    public const string OnnxRecords = """
        using MonitorGen;

        namespace Demo.Onnx;

        public enum Weather { Drizzle, Rain, Sun }

        public enum Wide : ulong { Small = 1, Huge = ulong.MaxValue }

        [Monitor("weather")]
        public partial record Reading
        {
            public System.DateOnly Date { get; init; }
            [DriftTest] public float Precipitation { get; init; }
            [DriftTest, OnnxInput("temp_max")] public double High { get; init; }
            [DriftTest] public decimal? Wind { get; init; }
            [DriftTest] public Wide Size { get; init; }
            [DriftTest] public bool Windy { get; init; }
            public bool? Unknown { get; init; }
            [OnnxIgnore] public float Note { get; init; }
        }

        [Monitor("weather")]
        public partial record Forecast([property: DriftTest] Weather Weather, [property: KpiMetric("confidence"), OnnxOutput("probability")] float Confidence)
        {
            public Weather? Second { get; init; }
            [OnnxIgnore] public string? Comment { get; init; }
        }

        [Monitor("weather")]
        public partial record struct ForecastValue
        {
            [DriftTest] public Weather Weather { get; init; }
            public double Confidence { get; init; }
        }

        public static partial class Models
        {
            [OnnxRecord]
            public sealed partial class Scores
            {
                public long Label { get; set; }
                public float @class { get; set; }
                public bool Flag { get; set; }
            }
        }
        """;

    public const string Prediction = """
        using MonitorGen;

        namespace Demo;

        public enum Species { Adelie, Chinstrap, Gentoo }

        [Monitor("penguin-classifier")]
        public partial record PenguinPrediction
        {
            [DriftTest, Prediction(Score = nameof(Confidence))] public Species Species { get; init; }
            [KpiMetric("confidence", Unit = "1")] public float Confidence { get; init; }
        }
        """;

    /// <summary>Every kind of prediction: a nullable sparse enum with a nullable score, a string, a bool with an id of its
    /// own, a decimal regressor.</summary>
    public const string PredictionKinds = """
        using MonitorGen;

        namespace Demo.Predictions;

        public enum Risk : long { Low = 10, High = 1L << 40 }

        [Monitor("risk")]
        public partial class RiskPrediction
        {
            [Prediction(Score = nameof(Probability))] public Risk? Risk { get; set; }
            public double? Probability { get; set; }
        }

        [Monitor("topic")]
        public partial record TopicPrediction([property: Prediction] string? Topic);

        [Monitor("fraud")]
        public partial struct FraudPrediction
        {
            [Prediction(Score = nameof(Score), Id = nameof(TransactionId))] public bool Fraud { get; set; }
            public float Score { get; set; }
            public string? TransactionId { get; set; }
        }

        [Monitor("price")]
        public partial record PricePrediction
        {
            [Prediction, DriftTest] public decimal Price { get; init; }
        }
        """;

    public const string AllKinds = """
        using MonitorGen;

        namespace Demo.Kinds;

        public enum Colour : byte { Red = 1, Green = 2, Blue = 3, Crimson = Red }

        [Monitor("all-kinds")]
        internal partial class AllKinds
        {
            [DriftTest] public byte B { get; set; }
            [DriftTest] public sbyte Sb { get; set; }
            [DriftTest] public short S { get; set; }
            [DriftTest] public ushort Us { get; set; }
            [DriftTest] public int I { get; set; }
            [DriftTest] public uint Ui { get; set; }
            [DriftTest] public long L { get; set; }
            [DriftTest] public ulong Ul { get; set; }
            [DriftTest] public float F { get; set; }
            [DriftTest] public double D { get; set; }
            [DriftTest] public decimal M { get; set; }
            [DriftTest] public int? MaybeI { get; set; }
            [DriftTest] public bool Flag { get; set; }
            [DriftTest(DriftMethod.Z)] public bool? MaybeFlag { get; set; }
            [DriftTest(DriftMethod.JensenShannon)] public Colour Colour { get; set; }
            [DriftTest] public Colour? MaybeColour { get; set; }
            [DriftTest(DriftMethod.ChiSquare)] public string? City { get; set; }
            [Expect(Min = 0, Max = 1)] public double Probability { get; set; }
            [KpiMetric("revenue", Unit = "{USD}")] public decimal? Revenue { get; set; }
            [DriftTest] public int @event { get; set; }
        }
        """;

    public const string PositionalAndNested = """
        using MonitorGen;

        [Monitor("positional")]
        public partial record Positional([DriftTest(DriftMethod.Ks)] double Score, [DriftTest] bool Flag, [NotMonitored] string? Note);

        namespace Demo.Nesting
        {
            public partial class Outer
            {
                internal partial struct Middle
                {
                    [Monitor("nested", Version = "2")]
                    private partial record struct Inner
                    {
                        [DriftTest(DriftMethod.Wasserstein, Threshold = 0.5)] public int Value { get; init; }
                    }
                }
            }
        }
        """;

    public const string CategoricalNumbers = """
        using MonitorGen;

        namespace Demo.Listings;

        [Monitor("listing-price")]
        public partial record Listing(
            [DriftTest(DriftMethod.ChiSquare, Categorical = true, MaxCategories = 9), Expect(Min = 1, Max = 5)] double Rating,
            [DriftTest(Categorical = true, MaxCategories = 20)] int? Rooms,
            [DriftTest(DriftMethod.Psi, Threshold = 0.2, Categorical = true, MaxCategories = 50)] decimal? Fee,
            [DriftTest(DriftMethod.Ks, Categorical = false)] double Price);
        """;
}
