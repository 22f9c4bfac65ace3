using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Spm.Api.Identity;

namespace Spm.Api.Tests.Identity;

public sealed class DemoSeedingTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>, IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "spm-seed-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Seeding_twice_keeps_one_owner_only_secret_that_gets_a_token()
    {
        await SeedAsync();
        var path = DemoClients.SecretPath(dataDirectory, "demo-partner");
        var secret = await File.ReadAllTextAsync(path);
        await SeedAsync();

        Assert.Equal(secret, await File.ReadAllTextAsync(path));
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            // The TV page's device client is seeded too.
            var tv = await scope.ServiceProvider.GetRequiredService<OpenIddict.Abstractions.IOpenIddictApplicationManager>().FindByClientIdAsync(DemoClients.TvClientId);
            Assert.NotNull(tv);
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        // The printed curl line authenticates with HTTP Basic (client_secret_basic).
        using var http = fixture.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/connect/token", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("demo-partner:" + secret)));
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Demo_access_prints_a_curl_line_per_client_without_the_secret_itself()
    {
        await SeedAsync();

        var text = DemoAccess.Describe(dataDirectory, "http://127.0.0.1:5080");

        Assert.Contains("curl -s -u demo-partner:$(cat", text, StringComparison.Ordinal);
        Assert.Contains("curl -s -u demo-admin:$(cat", text, StringComparison.Ordinal);
        Assert.Contains("participants(first: 5)", text, StringComparison.Ordinal);
        Assert.Contains("-d client_id=spm-tv -d 'scope=leaderboards.read offline_access' http://127.0.0.1:5080/connect/device", text, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:5080/connect/verify", text, StringComparison.Ordinal);
        Assert.DoesNotContain(await File.ReadAllTextAsync(DemoClients.SecretPath(dataDirectory, "demo-partner")), text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private async Task SeedAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        await new IdentitySeeder(scope.ServiceProvider, dataDirectory)
            .SeedAsync(fixture.TenantA, default);
    }
}
