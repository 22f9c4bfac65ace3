using System.Text.RegularExpressions;
using Spm.Api.Hosting;
using Spm.Api.Tests.Infrastructure;

namespace Spm.Api.Tests.Hosting;

/// <summary>
/// No Docker engine runs here, so the compose file cannot be started in CI; this keeps it
/// honest by checking that the API services set only configuration keys the app reads, and
/// every key the app needs to start.
/// </summary>
public sealed partial class DockerComposeTests
{
    [Fact]
    public void Api_services_set_only_configuration_keys_the_app_reads()
    {
        var services = ApiServiceEnvironments();
        Assert.Equal(["api1", "api2"], services.Keys.Order(StringComparer.Ordinal));
        var known = SpmConfigurationKeys.All.Select(SpmConfigurationKeys.AsEnvironmentVariable).ToHashSet(StringComparer.Ordinal);
        foreach (var (service, variables) in services)
        {
            var unknown = variables.Where(v => !known.Contains(v)).ToList();
            Assert.True(unknown.Count == 0, $"{service} sets {string.Join(", ", unknown)}, which the app does not read (see SpmConfigurationKeys).");
            Assert.Contains(SpmConfigurationKeys.AsEnvironmentVariable(SpmConfigurationKeys.Postgres), variables);
            Assert.Contains(SpmConfigurationKeys.AsEnvironmentVariable(SpmConfigurationKeys.Redis), variables);
        }
    }

    [Fact]
    public void Compose_has_postgres_redis_two_api_replicas_and_a_sticky_proxy()
    {
        var compose = File.ReadAllText(RepositoryRoot.File("docker", "compose.yaml"));
        foreach (var service in new[] { "postgres:", "redis:", "api1:", "api2:", "proxy:" })
        {
            Assert.Contains($"\n  {service}", compose, StringComparison.Ordinal);
        }

        var proxy = File.ReadAllText(RepositoryRoot.File("docker", "nginx.conf"));
        Assert.Contains("ip_hash;", proxy, StringComparison.Ordinal);
        Assert.Contains("server api1:8080", proxy, StringComparison.Ordinal);
        Assert.Contains("server api2:8080", proxy, StringComparison.Ordinal);
    }

    /// <summary>service name -> environment variable names, for services built from the API image.</summary>
    private static Dictionary<string, List<string>> ApiServiceEnvironments()
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? service = null;
        var isApi = false;
        var inEnvironment = false;
        foreach (var line in File.ReadAllLines(RepositoryRoot.File("docker", "compose.yaml")))
        {
            if (ServiceLine().Match(line) is { Success: true } s)
            {
                service = s.Groups[1].Value;
                isApi = false;
                inEnvironment = false;
                continue;
            }

            if (service is null)
            {
                continue;
            }

            if (line.Contains("dockerfile: docker/Dockerfile", StringComparison.Ordinal) || line.Contains("<<: *api", StringComparison.Ordinal))
            {
                isApi = true;
                result.TryAdd(service, []);
            }

            if (EnvironmentHeader().IsMatch(line))
            {
                inEnvironment = true;
                continue;
            }

            if (inEnvironment && EnvironmentEntry().Match(line) is { Success: true } e)
            {
                if (isApi)
                {
                    result[service].Add(e.Groups[1].Value);
                }
            }
            else if (inEnvironment && !string.IsNullOrWhiteSpace(line) && !line.StartsWith("      ", StringComparison.Ordinal))
            {
                inEnvironment = false;
            }
        }

        return result;
    }

    [GeneratedRegex(@"^  ([a-z0-9]+):\s*(&\w+)?\s*$")]
    private static partial Regex ServiceLine();

    [GeneratedRegex(@"^    environment:\s*(&\w+)?\s*$")]
    private static partial Regex EnvironmentHeader();

    [GeneratedRegex(@"^      ([A-Za-z_][A-Za-z0-9_]*):")]
    private static partial Regex EnvironmentEntry();
}
