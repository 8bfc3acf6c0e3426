using System;
using System.Collections.Generic;

namespace MonitorGen;

/// <summary>What the generator saw on a <see cref="MonitorAttribute"/> type: the model, its features and its KPIs.</summary>
/// <remarks>Generator support: the generated binding supplies it, and <see cref="ModelMonitor.Schema"/> shows it; hidden
/// from IntelliSense, as code rarely builds one.</remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class MonitorSchema
{
    /// <summary>Creates the schema.</summary>
    /// <param name="modelName">From <see cref="MonitorAttribute.ModelName"/>.</param>
    /// <param name="modelVersion">From <see cref="MonitorAttribute.Version"/>.</param>
    /// <param name="typeName">The monitored type's full name.</param>
    /// <param name="schemaHash">A hash of the feature names and kinds; a profile fitted on another schema is refused.</param>
    /// <param name="features">The drift-tested and range-checked features, in declaration order.</param>
    /// <param name="kpis">The KPI members.</param>
    public MonitorSchema(string modelName, string? modelVersion, string typeName, string schemaHash,
        IReadOnlyList<FeatureSchema> features, IReadOnlyList<KpiSchema> kpis)
        : this(modelName, modelVersion, typeName, schemaHash, features, kpis, null, null)
    {
    }

    /// <summary>Creates the schema of a type with a <see cref="PredictionAttribute"/> member.</summary>
    /// <param name="modelName">From <see cref="MonitorAttribute.ModelName"/>.</param>
    /// <param name="modelVersion">From <see cref="MonitorAttribute.Version"/>.</param>
    /// <param name="typeName">The monitored type's full name.</param>
    /// <param name="schemaHash">A hash of the feature names and kinds; a profile fitted on another schema is refused.</param>
    /// <param name="features">The drift-tested and range-checked features, in declaration order.</param>
    /// <param name="kpis">The KPI members.</param>
    /// <param name="prediction">The predicted value: categorical (with its declared classes, or none for a string) for a
    /// classifier, numerical for a regressor; null when the type declares none.</param>
    /// <param name="predictionScore">The member with the predicted class's score, or null.</param>
    public MonitorSchema(string modelName, string? modelVersion, string typeName, string schemaHash,
        IReadOnlyList<FeatureSchema> features, IReadOnlyList<KpiSchema> kpis, FeatureSchema? prediction, string? predictionScore)
        : this(modelName, modelVersion, typeName, schemaHash, features, kpis, prediction, predictionScore, null)
    {
    }

    /// <summary>Creates the schema of a type with a <see cref="PredictionAttribute"/> member whose id is one of its own.</summary>
    /// <param name="modelName">From <see cref="MonitorAttribute.ModelName"/>.</param>
    /// <param name="modelVersion">From <see cref="MonitorAttribute.Version"/>.</param>
    /// <param name="typeName">The monitored type's full name.</param>
    /// <param name="schemaHash">A hash of the feature names and kinds; a profile fitted on another schema is refused.</param>
    /// <param name="features">The drift-tested and range-checked features, in declaration order.</param>
    /// <param name="kpis">The KPI members.</param>
    /// <param name="prediction">The predicted value, as for the overload without an id member.</param>
    /// <param name="predictionScore">The member with the predicted class's score, or null.</param>
    /// <param name="predictionId">The string member whose value is the prediction's id (<see cref="PredictionAttribute.Id"/>),
    /// or null for an id that MonitorGen generates.</param>
    public MonitorSchema(string modelName, string? modelVersion, string typeName, string schemaHash,
        IReadOnlyList<FeatureSchema> features, IReadOnlyList<KpiSchema> kpis, FeatureSchema? prediction, string? predictionScore, string? predictionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        ArgumentException.ThrowIfNullOrWhiteSpace(typeName);
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaHash);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(kpis);
        ModelName = modelName;
        ModelVersion = modelVersion;
        TypeName = typeName;
        RecordName = RecordNameOf(typeName);
        SchemaHash = schemaHash;
        Features = features;
        Kpis = kpis;
        Prediction = prediction;
        PredictionScore = prediction is null ? null : predictionScore;
        PredictionId = prediction is null ? null : predictionId;
    }

    /// <summary>The model name.</summary>
    public string ModelName { get; }

    /// <summary>The model version, if declared.</summary>
    public string? ModelVersion { get; }

    /// <summary>The monitored type's full name.</summary>
    public string TypeName { get; }

    /// <summary>The monitored type's name without its namespace or containing types, for example <c>WeatherFeatures</c>.</summary>
    public string RecordName { get; }

    // The record name of a type's full name, as the record tag and a profile's TypeName give it.
    internal static string RecordNameOf(string typeName) => typeName[(typeName.LastIndexOfAny(['.', '+']) + 1)..];

    /// <summary>A hash of the feature names and kinds.</summary>
    public string SchemaHash { get; }

    /// <summary>The features, in declaration order.</summary>
    public IReadOnlyList<FeatureSchema> Features { get; }

    /// <summary>The KPI members.</summary>
    public IReadOnlyList<KpiSchema> Kpis { get; }

    /// <summary>The <see cref="PredictionAttribute"/> member, which labels are compared with; null when there is none.</summary>
    public FeatureSchema? Prediction { get; }

    /// <summary>The member with the predicted class's score (<see cref="PredictionAttribute.Score"/>), or null.</summary>
    public string? PredictionScore { get; }

    /// <summary>The member whose value is the prediction's id (<see cref="PredictionAttribute.Id"/>), or null when MonitorGen
    /// generates the id.</summary>
    public string? PredictionId { get; }
}
