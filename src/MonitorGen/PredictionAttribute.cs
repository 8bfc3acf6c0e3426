using System;

namespace MonitorGen;

/// <summary>
/// Marks the model's predicted value on its output record: an enum, <see cref="string"/> or <see cref="bool"/> for a
/// classifier, a number for a regressor. A label is a value of the same type, so that it can be compared with the
/// prediction. <see cref="Score"/> and <see cref="Id"/> name the members that hold the predicted class's score and the
/// prediction's id, when the record has them.
/// </summary>
/// <remarks>
/// One member per record (MG0014), of a type a label can be compared with (MG0016), with a numeric score and a string id
/// (MG0015). The generated monitor then stores each observed prediction for its labels, and gets
/// <c>ObservePrediction</c> (which returns the prediction's id) and a <c>RecordLabel</c> typed by the prediction; the
/// record gets <c>FitProfile(rows, heldOut)</c>, which stores the reference performance. See docs/labels.md.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class PredictionAttribute : Attribute
{
    /// <summary>The member with the score of the predicted class, a number in [0, 1], as <c>nameof(Confidence)</c>; null
    /// when the record has none. A binary classifier's log loss and ROC AUC follow from it.</summary>
    public string? Score { get; set; }

    /// <summary>The member with the prediction's id when the caller chooses it (a request id, an order number), a string,
    /// as <c>nameof(RequestId)</c>; null to have MonitorGen generate one. A label then names the prediction by that id
    /// (the newest prediction with it that has no label from the label's source), and <c>ObservePrediction</c> returns
    /// it without allocating. A row whose id is null or empty cannot be labelled.</summary>
    public string? Id { get; set; }
}
