using GraphQL;
using GraphQL.Types;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;

namespace Spm.Api.Hosting;

internal static class GraphQLExtensions
{
    public static WebApplicationBuilder AddSpmGraphQL(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NodeRegistry>();
        builder.Services.AddSingleton<SpmQuery>();
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
        builder.Services.AddGraphQL(b => b
            .AddSchema<SpmSchema>()
            .AddSystemTextJson()
            .AddErrorInfoProvider(o => o.ExposeExceptionDetails = builder.Environment.IsDevelopment()));
        return builder;
    }

    public static WebApplication MapSpmGraphQL(this WebApplication app)
    {
        // Build and validate the schema now: a broken schema must stop start-up, not the first request.
        app.Services.GetRequiredService<ISchema>().Initialize();
        app.MapPost("/graphql", GraphQLEndpoint.HandleAsync);
        return app;
    }
}
