using MonitorGen.Labels;

namespace MonitorGen.Tests.Labels;

/// <summary>A prediction id's three parts survive its 16-digit text, and no epoch makes it negative (a negative value means no id).</summary>
public sealed class PredictionIdTests
{
    [Theory]
    [InlineData(0, 0, 0L)]
    [InlineData(1, 3, 12_345L)]
    [InlineData((1 << PredictionId.EpochBits) - 1, 255, (1L << 40) - 1)]
    public void An_id_round_trips_through_its_text_and_is_never_negative(int epoch, int slot, long sequence)
    {
        var id = new PredictionId(slot, sequence, epoch);
        Assert.True(id.Value >= 0);
        Assert.Equal(id.Value, id.Value | PredictionId.EpochValue(epoch));
        Assert.True(PredictionId.TryParse(id.ToString(), out PredictionId parsed));
        Assert.Equal(id, parsed);
        Assert.Equal(16, id.ToString().Length);
    }
}
