namespace MonitorGen.IntegrationTests;

/// <summary>What a test does when a real server or browser it needs is not installed: skip locally, fail where it is required.</summary>
internal static class MissingPrerequisite
{
    /// <summary>
    /// Skips the calling test with <paramref name="reason"/>, or fails it when the environment variable
    /// <paramref name="requireVariable"/> is <c>1</c> (as <c>.ci/run</c> sets it).
    /// </summary>
    public static void SkipOrFail(string reason, string requireVariable)
    {
        if (System.Environment.GetEnvironmentVariable(requireVariable) == "1")
        {
            Assert.Fail($"{reason} {requireVariable}=1 makes it required.");
        }

        Assert.Skip(reason);
    }
}
