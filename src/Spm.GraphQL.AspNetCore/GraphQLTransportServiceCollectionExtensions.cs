using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Spm.GraphQL.AspNetCore.Budgets;
using Spm.GraphQL.AspNetCore.DataLoader;
using Spm.GraphQL.AspNetCore.Execution;
using Spm.GraphQL.AspNetCore.Http;
using Spm.GraphQL.AspNetCore.Persisted;
using Spm.GraphQL.AspNetCore.Validation;
using Spm.GraphQL.AspNetCore.WebSockets;

namespace Spm.GraphQL.AspNetCore;

/// <summary>Registration of the GraphQL transport.</summary>
public static class GraphQLTransportServiceCollectionExtensions
{
    /// <summary>
    /// Registers GraphQL.NET with <typeparamref name="TSchema"/>, System.Text.Json, the transport's
    /// validation rules (authorization, complexity and cost, aliases, operation type per carrier), the
    /// document cache and the defaults of every replaceable service (register your own
    /// <see cref="ICostBudget"/>, <see cref="IPersistedDocumentStore"/>, <see cref="IClientPolicyResolver"/>
    /// or <see cref="IWebSocketAuthenticator"/> before or after: these are TryAdd).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Transport options; they can also be bound from configuration.</param>
    /// <param name="configureGraphQL">Further GraphQL.NET registration (graph types, execution strategies).</param>
    public static IServiceCollection AddGraphQLTransport<TSchema>(
        this IServiceCollection services,
        Action<GraphQLTransportOptions>? configure = null,
        Action<IGraphQLBuilder>? configureGraphQL = null)
        where TSchema : class, ISchema
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<GraphQLTransportOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICostBudget, InMemoryCostBudget>();
        services.TryAddSingleton<IPersistedDocumentStore, InMemoryPersistedDocumentStore>();
        services.TryAddSingleton<IClientPolicyResolver, DefaultClientPolicyResolver>();
        services.TryAddSingleton<IWebSocketAuthenticator, DefaultWebSocketAuthenticator>();
        services.TryAddSingleton<AutomaticPersistedQueryCache>();
        services.TryAddSingleton<DocumentCache>();
        services.TryAddScoped<DataLoaderRegistry>();
        services.AddSingleton<GraphQLRequestPipeline<TSchema>>();
        services.AddSingleton<GraphQLHttpHandler<TSchema>>();
        services.AddSingleton<GraphQLWebSocketHandler<TSchema>>();
        services.AddSingleton<IGraphQLTransportEndpoint, GraphQLTransportEndpoint<TSchema>>();
        services.AddHostedService<SchemaInitializer<TSchema>>();

        services.AddGraphQL(builder =>
        {
            builder.AddSchema<TSchema>();
            builder.AddSystemTextJson();
            builder.AddErrorInfoProvider(provider => new TransportErrorInfoProvider(new ErrorInfoProviderOptions
            {
                ExposeExceptionDetails = provider.GetRequiredService<IOptions<GraphQLTransportOptions>>().Value.ExposeExceptionDetails,
            }));
            // Order matters: authorization before cost, so a denied request is not charged.
            builder.AddValidationRule<OperationTypeValidationRule>(useForCachedDocuments: true);
            builder.AddValidationRule<MaxAliasesValidationRule>(useForCachedDocuments: false);
            builder.AddValidationRule<AuthorizationValidationRule>(useForCachedDocuments: true);
            builder.AddValidationRule<CostAndComplexityValidationRule>(useForCachedDocuments: true);
            builder.ConfigureExecution<DocumentCache>(provider => provider.GetRequiredService<DocumentCache>());
            configureGraphQL?.Invoke(builder);
        });
        return services;
    }
}
