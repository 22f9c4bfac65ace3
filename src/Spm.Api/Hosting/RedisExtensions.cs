using StackExchange.Redis;

namespace Spm.Api.Hosting;

internal static class RedisExtensions
{
    public static WebApplicationBuilder AddSpmRedis(this WebApplicationBuilder builder)
    {
        var options = ConfigurationOptions.Parse(SpmConfigurationKeys.Require(builder.Configuration, SpmConfigurationKeys.Redis));
        // Start even when Redis is down: the API degrades (readiness says which server is
        // missing) instead of refusing to boot, and reconnects on its own.
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        return builder;
    }
}
