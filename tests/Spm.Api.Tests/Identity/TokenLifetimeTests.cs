using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Spm.Api.Hosting;
using Spm.Api.Identity;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Spm.Api.Tests.Identity;

/// <summary>Tokens that outlive their validity: expired, of a deleted tenant, and the pruning of old entries.</summary>
public sealed class TokenLifetimeTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    [Fact]
    public async Task An_expired_access_token_is_401_with_invalid_token()
    {
        await using var shortLived = fixture.CreateFactory(new Dictionary<string, string> { [SpmConfigurationKeys.IdentityAccessTokenLifetime] = "00:00:01" });
        using var http = shortLived.CreateClient();
        using var issued = await TokenClient.RequestAsync(http, IdentityFixture.ClientA, fixture.SecretA);
        using var json = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
        Assert.InRange(json.RootElement.GetProperty("expires_in").GetInt32(), 0, 1);
        var token = json.RootElement.GetProperty("access_token").GetString()!;

        // Waiting is the point of this test; it asserts the outcome, not how long anything took.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        using var response = await TokenClient.GraphQLAsync(http, token, "{ me { kind } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_tenants_client_gets_no_token_and_its_old_token_sees_nothing()
    {
        var tenantId = Guid.CreateVersion7();
        var secret = SpmClients.NewSecret();
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
            db.Tenants.Add(new Tenant(tenantId, "Doomed", "doomed-" + tenantId.ToString("N")[..8], "UTC", "USD", 1));
            db.Participants.Add(new Participant(Guid.CreateVersion7(), tenantId, "Dora Doomed", "dora@doomed.example", ParticipantRole.Rep, new DateOnly(2024, 1, 2), "USD"));
            await db.SaveChangesAsync();
            await SpmClients.CreateOrUpdateAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), "doomed-client", secret, tenantId, "partner", [SpmScopes.Read], default);
        }

        using var http = fixture.Factory.CreateClient();
        var token = await TokenClient.GetAccessTokenAsync(http, "doomed-client", secret);
        await using (var db = await fixture.Factory.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync())
        {
            await db.Tenants.IgnoreQueryFilters().Where(t => t.Id == tenantId).ExecuteDeleteAsync();
        }

        using var again = await TokenClient.RequestAsync(http, "doomed-client", secret);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("unauthorized_client", JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());

        using var old = await TokenClient.GraphQLAsync(http, token, "{ participants(first: 5) { totalCount } tenant { slug } }");
        var body = await old.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        Assert.Contains(json.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("extensions").GetProperty("code").GetString() == "NOT_FOUND");
        Assert.DoesNotContain("Dora", body, StringComparison.Ordinal);
        Assert.DoesNotContain("doomed-", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pruner_removes_expired_tokens_and_keeps_valid_ones()
    {
        await using var pruning = fixture.CreateFactory(new Dictionary<string, string>
        {
            [SpmConfigurationKeys.IdentityPruneMinimumAge] = "00:00:00",
            [SpmConfigurationKeys.IdentityPruneInterval] = "00:30:00",
        });
        string expiredId, validId;
        await using (var scope = pruning.Services.CreateAsyncScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
            var now = DateTimeOffset.UtcNow;
            expiredId = (await tokens.GetIdAsync(await tokens.CreateAsync(Descriptor(now.AddHours(-2), now.AddHours(-1)))))!;
            validId = (await tokens.GetIdAsync(await tokens.CreateAsync(Descriptor(now.AddHours(-2), now.AddHours(1)))))!;
        }

        var pruner = pruning.Services.GetRequiredService<TokenPruner>();
        var (removed, _) = await pruner.PruneOnceAsync(default);

        Assert.Equal(TimeSpan.FromMinutes(30), pruner.Interval);
        Assert.True(removed >= 1, $"removed {removed}");
        await using var check = pruning.Services.CreateAsyncScope();
        var manager = check.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        Assert.Null(await manager.FindByIdAsync(expiredId));
        Assert.NotNull(await manager.FindByIdAsync(validId));
    }

    private static OpenIddictTokenDescriptor Descriptor(DateTimeOffset created, DateTimeOffset expires) => new()
    {
        CreationDate = created,
        ExpirationDate = expires,
        Status = Statuses.Valid,
        Subject = "prune-test",
        Type = TokenTypeHints.AccessToken,
    };
}
