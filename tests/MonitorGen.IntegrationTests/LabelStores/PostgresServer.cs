using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace MonitorGen.IntegrationTests.LabelStores;

/// <summary>
/// A real PostgreSQL server (Debian's <c>postgresql</c>), started for a test on a free 127.0.0.1 port over a temporary
/// cluster (<c>initdb</c>, trust authentication, fsync off), and stopped and deleted on dispose. Run as the
/// <c>postgres</c> user when the tests run as root, as PostgreSQL refuses root.
/// </summary>
/// <remarks>
/// Without the binaries, <see cref="StartAsync"/> skips the test with the reason; with <see cref="RequireVariable"/> set to
/// <c>1</c> (as CI does) it fails it instead.
/// </remarks>
internal sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>Set to <c>1</c> to make a missing PostgreSQL fail the tests instead of skipping them.</summary>
    public const string RequireVariable = "MONITORGEN_REQUIRE_POSTGRES";

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly ServerProcess _process;
    private readonly string _directory;

    private PostgresServer(ServerProcess process, string directory, string connectionString)
    {
        _process = process;
        _directory = directory;
        ConnectionString = connectionString;
    }

    /// <summary>The superuser's connection to the <c>postgres</c> database.</summary>
    public string ConnectionString { get; }

    /// <summary>What the server has written so far.</summary>
    public string Log => _process.Log;

    /// <summary>The binaries' folder, the newest major version under /usr/lib/postgresql; null when none is installed.</summary>
    public static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "postgres")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out int major) ? major : 0)
                .FirstOrDefault()
            : null;

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        string? bin = FindBinaries();
        if (bin is null)
        {
            MissingPrerequisite.SkipOrFail("PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin); on Debian: apt-get install postgresql.", RequireVariable);
        }

        bool root = Environment.UserName == "root";
        string directory = Path.Combine(Path.GetTempPath(), $"monitorgen-postgres-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        if (root)
        {
            await RunAsync("chown", ["postgres", directory], cancellationToken).ConfigureAwait(false);
        }

        string data = Path.Combine(directory, "data");
        await RunAsync(As(root, Path.Combine(bin!, "initdb")), [.. AsArguments(root, Path.Combine(bin!, "initdb")), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"], cancellationToken).ConfigureAwait(false);
        try
        {
            (ServerProcess process, int port) = await ServerProcess.StartOnLoopbackAsync("PostgreSQL", As(root, Path.Combine(bin!, "postgres")),
                (port, _) => [.. AsArguments(root, Path.Combine(bin!, "postgres")), "-D", data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={directory}", "-c", "fsync=off"],
                (process, port) => WaitReadyAsync(ConnectionStringOf(port), process, cancellationToken), StartLimit).ConfigureAwait(false);
            return new PostgresServer(process, directory, ConnectionStringOf(port));
        }
        catch (InvalidOperationException)
        {
            TempDirectory.Delete(directory);
            throw;
        }
    }

    private static string ConnectionStringOf(int port) => $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=5";

    // As root, through runuser: PostgreSQL will not run as root.
    private static string As(bool root, string program) => root ? "runuser" : program;

    private static string[] AsArguments(bool root, string program) => root ? ["-u", "postgres", "--", program] : [];

    private static async Task RunAsync(string fileName, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output.ConfigureAwait(false)}{await error.ConfigureAwait(false)}");
        }
    }

    private static async Task<bool> WaitReadyAsync(string connectionString, ServerProcess process, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartLimit && !process.HasExited)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (NpgsqlException)
            {
                // Not accepting connections yet.
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _process.DisposeAsync().ConfigureAwait(false);
        TempDirectory.Delete(_directory);
    }
}
