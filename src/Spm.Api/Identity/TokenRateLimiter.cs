using System.Net.Http.Headers;
using System.Text;
using System.Threading.RateLimiting;
using Spm.Api.Hosting;

namespace Spm.Api.Identity;

/// <summary>
/// Fixed windows on the token endpoint, one per source IP and one per client id: a leaked or
/// guessed client id cannot be brute-forced from many addresses, nor one address try many ids.
/// </summary>
internal static class TokenRateLimiter
{
    public const string PolicyName = "token";

    public static PartitionedRateLimiter<HttpContext> Create(IConfiguration configuration)
    {
        var window = TimeSpan.FromSeconds(configuration.GetValue(SpmConfigurationKeys.TokenRateLimitWindowSeconds, 60));
        var perIp = configuration.GetValue(SpmConfigurationKeys.TokenRequestsPerIp, 60);
        var perClient = configuration.GetValue(SpmConfigurationKeys.TokenRequestsPerClient, 20);
        // Installed as the global limiter (a named policy holds only one partition key), so
        // every other path gets no limiter at all.
        return PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(http => IsTokenRequest(http)
                ? RateLimitPartition.GetFixedWindowLimiter("ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => Options(perIp, window))
                : RateLimitPartition.GetNoLimiter(string.Empty)),
            PartitionedRateLimiter.Create<HttpContext, string>(http => IsTokenRequest(http)
                ? RateLimitPartition.GetFixedWindowLimiter("client:" + ClientId(http), _ => Options(perClient, window))
                : RateLimitPartition.GetNoLimiter(string.Empty)));
    }

    public static bool IsTokenRequest(HttpContext http) => http.Request.Path.Equals(TokenEndpoint.Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>Buffers the form so the limiter (synchronous) can read client_id; OpenIddict reuses the parsed form.</summary>
    public static async Task ReadFormAsync(HttpContext http)
    {
        if (IsTokenRequest(http) && HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType)
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
    }

    private static FixedWindowRateLimiterOptions Options(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    private static string ClientId(HttpContext http)
    {
        // client_secret_basic puts the id in the Authorization header, client_secret_post in the form.
        if (AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } parameter)
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                return Uri.UnescapeDataString(colon >= 0 ? decoded[..colon] : decoded);
            }
            catch (FormatException)
            {
                return string.Empty;
            }
        }

        return http.Request.HasFormContentType && http.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is { } form
            ? form["client_id"].ToString()
            : string.Empty;
    }
}
