using MonitorGen;
using MonitorGen.OnnxRuntime;

namespace SeattleWeatherService.Commands;

/// <summary>A missing or corrupt model or profile file ends the program with one line naming it, not a stack trace.</summary>
internal static class StartupFailure
{
    public const int ExitCode = 2;

    public static async Task<int> ReportAsync(Func<Task<int>> command)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ProfileException or OnnxModelException)
        {
            Console.Error.WriteLine($"seattle-weather: cannot start: {ex.Message}");
            return ExitCode;
        }
    }
}
