namespace MonitorGen.Cli;

internal static class Program
{
    private static int Main(string[] args) => MonitorGenCommand.Invoke(args);
}
