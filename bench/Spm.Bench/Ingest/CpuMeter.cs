using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Spm.Bench.Ingest;

/// <summary>
/// CPU seconds spent by this process and by the PostgreSQL server (postmaster, its children, and the children it
/// reaped) between two readings. On a machine shared with other work, wall time mostly measures the queue for
/// the cores; CPU time measures the import's own work, so it compares runs taken under different loads.
/// </summary>
internal sealed class CpuMeter
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly int postmaster;

    private CpuMeter(int postmaster) => this.postmaster = postmaster;

    public static async Task<CpuMeter?> CreateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        return Stat(backend) is { } stat ? new CpuMeter(stat.Parent) : null;
    }

    /// <summary>(client, server) CPU seconds so far.</summary>
    public (double Client, double Server) Read()
    {
        var client = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        double server = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            if (Stat(pid) is { } stat && (stat.Parent == postmaster || pid == postmaster))
            {
                server += stat.Own + (pid == postmaster ? stat.Reaped : 0);
            }
        }

        return (client, server);
    }

    private static (int Parent, double Own, double Reaped)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces: fields are counted after its closing parenthesis.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            double Ticks(int field) => long.Parse(fields[field - 3], CultureInfo.InvariantCulture) / TicksPerSecond;
            return (int.Parse(fields[1], CultureInfo.InvariantCulture), Ticks(14) + Ticks(15), Ticks(16) + Ticks(17));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
