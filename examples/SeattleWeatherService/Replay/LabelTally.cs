namespace SeattleWeatherService.Replay;

/// <summary>The labels a replay sent, and what the service said of those it did not take.</summary>
internal sealed class LabelTally
{
    /// <summary>Natural labels sent.</summary>
    public int Natural { get; set; }

    /// <summary>Natural labels the service refused as past the label horizon.</summary>
    public int Late { get; set; }

    /// <summary>Predictions whose natural label was never sent.</summary>
    public int NeverSent { get; set; }

    /// <summary>Programmatic labels sent (the rule abstains on dry days).</summary>
    public int Programmatic { get; set; }

    /// <summary>Labels refused for any other reason (none, unless something is wrong).</summary>
    public int Refused { get; set; }
}
