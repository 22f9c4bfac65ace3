using GraphQL.Types;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.GraphQL.AspNetCore;
using Spm.GraphQL.AspNetCore.Budgets;
using Spm.GraphQL.AspNetCore.WebSockets;
using Spm.Infrastructure.Redis;
using StackExchange.Redis;

namespace Spm.Api.Hosting;

internal static class GraphQLExtensions
{
    public static WebApplicationBuilder AddSpmGraphQL(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NodeRegistry>();
        builder.Services.AddSingleton<SpmQuery>();
        builder.Services.AddSingleton<SpmSubscription>();
        // Graph types are listed, not scanned: the schema's contents are visible in one place.
        builder.Services.AddSingleton<CalendarDateGraphType>();
        builder.Services.AddSingleton<NodeInterface>();
        builder.Services.AddSingleton<PageInfoGraphType>();
        builder.Services.AddSingleton(typeof(EdgeGraphType<,>));
        builder.Services.AddSingleton<TenantGraphType>();
        builder.Services.AddSingleton<ParticipantGraphType>();
        builder.Services.AddSingleton<ParticipantConnectionGraphType>();
        builder.Services.AddSingleton<ParticipantRoleGraphType>();
        builder.Services.AddSingleton<ParticipantStatusGraphType>();
        builder.Services.AddSingleton<TeamGraphType>();
        builder.Services.AddSingleton<PeriodGraphType>();
        builder.Services.AddSingleton<PeriodKindGraphType>();
        builder.Services.AddScoped<OrganisationDataLoaders>();
        builder.Services.AddGraphQLTransport<SpmSchema>(o =>
        {
            // Limits and budgets may be tuned under Spm:GraphQL (e.g. Spm__GraphQL__DefaultBudget__Capacity).
            builder.Configuration.GetSection(SpmConfigurationKeys.GraphQL).Bind(o);
            o.RequireAuthentication = true;
            o.ExposeExceptionDetails = builder.Environment.IsDevelopment();
            // Every client pays for its queries; without a default the Redis budget would never be asked.
            o.DefaultBudget ??= new BudgetPolicy();
        });
        // Browsers asking /graphql for HTML get GraphiQL (the transport's generic hook).
        builder.Services.AddSingleton<GraphiQLAssets>();
        builder.Services.AddOptions<GraphQLTransportOptions>()
            .Configure<GraphiQLAssets>((o, graphiQL) => o.HtmlRequestHandler = graphiQL.ServePageAsync);
        // WebSocket clients send their access token in connection_init.
        builder.Services.AddSingleton<IWebSocketAuthenticator, WebSocketTokenAuthenticator>();
        // Budgets live in Redis so a client's points hold across API nodes.
        builder.Services.AddSingleton<ICostBudget>(services => new RedisCostBudget(
            services.GetRequiredService<IConnectionMultiplexer>(),
            builder.Configuration[SpmConfigurationKeys.RedisKeyPrefix] ?? "spm:"));
        // One schema instance whichever way it is asked for (graph types are singletons and may
        // belong to one schema only).
        builder.Services.AddSingleton<ISchema>(services => services.GetRequiredService<SpmSchema>());
        return builder;
    }

    public static WebApplication MapSpmGraphQL(this WebApplication app)
    {
        // HTTP (GraphQL over HTTP) and WebSocket (graphql-transport-ws) on one path; the
        // transport initialises the schema at start-up so a broken schema stops the host.
        app.UseWebSockets();
        // Anonymous at the endpoint on purpose: the transport itself refuses anonymous GraphQL
        // requests (401, WebSocket close 4403), which lets a browser load GraphiQL from this path
        // and lets WebSocket clients authenticate in connection_init instead of a header.
        app.MapGraphQL("/graphql").AllowAnonymous();
        var graphiQL = app.Services.GetRequiredService<GraphiQLAssets>();
        app.MapGet(GraphiQLAssets.PathPrefix + "/{file}", (HttpContext context, string file) => graphiQL.ServeAsync(context, file)).AllowAnonymous();
        app.MapGet(GraphiQLAssets.PathPrefix, () => Results.Redirect("/graphql")).AllowAnonymous();
        if (app.Configuration.GetValue<bool>(SpmConfigurationKeys.BenchBareEndpoint))
        {
            BareGraphQLEndpoint.Map(app);
        }

        return app;
    }
}
