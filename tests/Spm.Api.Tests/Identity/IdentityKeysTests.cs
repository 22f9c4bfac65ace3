using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Spm.Api.Hosting;
using Spm.Api.Identity;

namespace Spm.Api.Tests.Identity;

public sealed class IdentityKeysTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "spm-keys-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Production_without_certificates_refuses_to_start_with_the_setting_to_fix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Configure("Production", new Dictionary<string, string?>()));

        Assert.Contains(SpmConfigurationKeys.IdentitySigningCertificatePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_keeps_its_generated_certificates_owner_only_across_restarts()
    {
        var settings = new Dictionary<string, string?> { [SpmConfigurationKeys.DataDirectory] = dataDirectory };

        var first = Configure("Development", settings);
        var second = Configure("Development", settings);

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
        var signing = Path.Combine(dataDirectory, "keys", "signing.pfx");
        Assert.True(File.Exists(signing));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(signing));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    /// <summary>Runs the key selection as start-up would; returns the signing key ids it chose.</summary>
    private static string Configure(string environmentName, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var environment = new TestEnvironment { EnvironmentName = environmentName };
        var services = new ServiceCollection();
        services.AddOpenIddict().AddServer(o =>
        {
            o.AllowClientCredentialsFlow().SetTokenEndpointUris("/connect/token");
            IdentityKeys.Configure(o, configuration, environment);
        });
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<OpenIddictServerOptions>>();
        return string.Join(',', options.Value.SigningCredentials.Select(c => c.Kid ?? c.Key.KeyId));
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = string.Empty;

        public string ApplicationName { get; set; } = "Spm.Api";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
