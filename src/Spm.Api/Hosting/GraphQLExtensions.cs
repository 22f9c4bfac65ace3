using GraphQL.Types;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Spm.Api.Auth;
using Spm.Api.Features.Access;
using Spm.Api.Features.Activities;
using Spm.Api.Features.Approvals;
using Spm.Api.Features.Attainment;
using Spm.Api.Features.Audit;
using Spm.Api.Features.Compensation;
using Spm.Api.Features.Contests;
using Spm.Api.Features.Leaderboards;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.PersistedDocuments;
using Spm.Api.Features.Pipeline;
using Spm.Api.Features.Plans;
using Spm.Api.Features.Quotas;
using Spm.Api.Features.Relay;
using Spm.Api.Features.Sales;
using Spm.Api.Features.Territories;
using Spm.Api.Graph;
using Spm.GraphQL.AspNetCore;
using Spm.GraphQL.AspNetCore.Budgets;
using Spm.GraphQL.AspNetCore.Http;
using Spm.GraphQL.AspNetCore.Persisted;
using Spm.GraphQL.AspNetCore.WebSockets;
using Spm.Infrastructure.Crediting;
using Spm.Infrastructure.Ingest;
using Spm.Infrastructure.PersistedDocuments;
using Spm.Infrastructure.Redis;
using StackExchange.Redis;

namespace Spm.Api.Hosting;

internal static class GraphQLExtensions
{
    public static WebApplicationBuilder AddSpmGraphQL(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NodeRegistry>();
        builder.Services.AddSingleton<SpmQuery>();
        builder.Services.AddSingleton<SpmMutation>();
        builder.Services.AddSingleton<UserErrorGraphType>();
        builder.Services.AddScoped<Caller>();
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.TryAddSingleton(TimeProvider.System);
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
        builder.Services.AddSingleton<AccessRoleGraphType>();
        builder.Services.AddSingleton<CallerKindGraphType>();
        builder.Services.AddSingleton<MeGraphType>();
        builder.Services.AddSingleton<ClientGraphType>();
        builder.Services.AddSingleton<DisplayGraphType>();
        builder.Services.AddSingleton<AuditEntryGraphType>();
        builder.Services.AddSingleton<AuditEntryConnectionGraphType>();
        builder.Services.AddSingleton<CreateClientInputGraphType>();
        builder.Services.AddSingleton<CreateClientPayloadGraphType>();
        builder.Services.AddSingleton<RotateClientSecretInputGraphType>();
        builder.Services.AddSingleton<RotateClientSecretPayloadGraphType>();
        builder.Services.AddSingleton<RevokeClientInputGraphType>();
        builder.Services.AddSingleton<RevokeClientPayloadGraphType>();
        builder.Services.AddSingleton<InviteUserInputGraphType>();
        builder.Services.AddSingleton<InviteUserPayloadGraphType>();
        builder.Services.AddSingleton<UnpairDisplayInputGraphType>();
        builder.Services.AddSingleton<UnpairDisplayPayloadGraphType>();
        builder.Services.AddScoped<ClientAdministration>();
        builder.Services.AddScoped<DisplayPairing>();
        builder.Services.AddScoped<Invitations>();
        builder.Services.AddSingleton<PersistedDocumentGraphType>();
        builder.Services.AddSingleton<PersistedDocumentConnectionGraphType>();
        builder.Services.AddSingleton<RegisterPersistedDocumentsInputGraphType>();
        builder.Services.AddSingleton<RegisterPersistedDocumentsPayloadGraphType>();
        builder.Services.AddSingleton<DecimalStringGraphType>();
        // Plans, quotas and approvals.
        builder.Services.AddSingleton<SalesPlanGraphType>();
        builder.Services.AddSingleton<SalesPlanStatusGraphType>();
        builder.Services.AddSingleton<PlanTargetGraphType>();
        builder.Services.AddSingleton<CapacityAssumptionsGraphType>();
        builder.Services.AddSingleton<CapacityPlanGraphType>();
        builder.Services.AddSingleton<CapacityMonthGraphType>();
        builder.Services.AddSingleton<HiringCohortGraphType>();
        builder.Services.AddSingleton<CreateSalesPlanInputGraphType>();
        builder.Services.AddSingleton<UpdateSalesPlanInputGraphType>();
        builder.Services.AddSingleton<CapacityWhatIfInputGraphType>();
        builder.Services.AddSingleton<SalesPlanPayloadGraphType>();
        builder.Services.AddSingleton<QuotaGraphType>();
        builder.Services.AddSingleton<QuotaConnectionGraphType>();
        builder.Services.AddSingleton<QuotaChangeGraphType>();
        builder.Services.AddSingleton<QuotaTypeGraphType>();
        builder.Services.AddSingleton<QuotaStatusGraphType>();
        builder.Services.AddSingleton<QuotaSubjectKindGraphType>();
        builder.Services.AddSingleton<QuotaChangeActionGraphType>();
        builder.Services.AddSingleton<AllocationWeightBasisGraphType>();
        builder.Services.AddSingleton<CustomWeightInputGraphType>();
        builder.Services.AddSingleton<AllocateQuotasInputGraphType>();
        builder.Services.AddSingleton<AdjustQuotaInputGraphType>();
        builder.Services.AddSingleton<SubmitQuotasInputGraphType>();
        builder.Services.AddSingleton<DecideQuotasInputGraphType>();
        builder.Services.AddSingleton<AllocateQuotasPayloadGraphType>();
        builder.Services.AddSingleton<AdjustQuotaPayloadGraphType>();
        builder.Services.AddSingleton<QuotaApprovalPayloadGraphType>();
        builder.Services.AddSingleton<ApprovalRequestGraphType>();
        builder.Services.AddSingleton<ApprovalRequestConnectionGraphType>();
        builder.Services.AddSingleton<ApprovalStepGraphType>();
        builder.Services.AddSingleton<ApprovalEventGraphType>();
        builder.Services.AddSingleton<ApprovalStateGraphType>();
        builder.Services.AddSingleton<ApprovalActionGraphType>();
        builder.Services.AddScoped<PlanDataLoaders>();
        builder.Services.AddScoped<QuotaDataLoaders>();
        builder.Services.AddScoped<ApprovalDataLoaders>();
        builder.Services.AddScoped<ApprovalWorkflow>();
        builder.Services.AddScoped<IAllocationWeightSource, PriorPeriodActualsWeightSource>();
        builder.Services.AddSpmAccountsAndTerritories();
        builder.Services.AddSpmLeaderboardGraph();
        AddSales(builder);
        builder.Services.AddSpmCompensation();
        builder.Services.AddSpmContests(builder.Configuration);
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
        // The allow-list lives in PostgreSQL; a caller sees the global documents and its tenant's.
        builder.Services.AddSingleton(services => new PostgresPersistedDocumentStore(
            services.GetRequiredService<NpgsqlDataSource>(),
            user => Guid.TryParse(user.FindFirst(SpmClaims.Tenant)?.Value, out var tenant) ? tenant : null));
        builder.Services.AddSingleton<IPersistedDocumentStore>(services => services.GetRequiredService<PostgresPersistedDocumentStore>());
        // Budgets per client and role, and the persisted-only switch, from the token and configuration.
        builder.Services.Configure<SpmBudgetOptions>(builder.Configuration.GetSection(SpmConfigurationKeys.GraphQLBudgets));
        builder.Services.AddSingleton<IClientPolicyResolver, SpmClientPolicyResolver>();
        builder.Services.AddSingleton<IWebSocketAuthenticator, WebSocketTokenAuthenticator>();
        // One schema instance whichever way it is asked for (graph types are singletons and may
        // belong to one schema only).
        builder.Services.AddSingleton<ISchema>(services => services.GetRequiredService<SpmSchema>());
        return builder;
    }

    private static void AddSales(WebApplicationBuilder builder)
    {
        // Territory and overlay credit come from the territories feature.
        builder.Services.AddSingleton<ITerritoryOwnershipSource, TerritoryCreditingSource>();
        builder.Services.Configure<BulkImportOptions>(builder.Configuration.GetSection(SpmConfigurationKeys.Ingest));
        builder.Services.AddSingleton<BulkSalesImporter>();
        builder.Services.AddSingleton<CreditingSetupCache>();
        builder.Services.AddScoped<SalesWriter>();
        builder.Services.AddScoped<SalesVisibility>();
        builder.Services.AddScoped<SalesDataLoaders>();
        builder.Services.AddSingleton<MoneyGraphType>();
        builder.Services.AddSingleton<CreditTypeGraphType>();
        builder.Services.AddSingleton<CreditRuleKindGraphType>();
        builder.Services.AddSingleton<SaleChangeOutcomeGraphType>();
        builder.Services.AddSingleton<SaleRevisionKindGraphType>();
        builder.Services.AddSingleton<SaleGraphType>();
        builder.Services.AddSingleton<SaleRevisionGraphType>();
        builder.Services.AddSingleton<CoSellerGraphType>();
        builder.Services.AddSingleton<CreditGraphType>();
        builder.Services.AddSingleton<SaleConnectionGraphType>();
        builder.Services.AddSingleton<SaleInputGraphType>();
        builder.Services.AddSingleton<CoSellerInputGraphType>();
        builder.Services.AddSingleton<RecordSalesInputGraphType>();
        builder.Services.AddSingleton<CancelSaleInputGraphType>();
        builder.Services.AddSingleton<RecordedSaleGraphType>();
        builder.Services.AddSingleton<RecordSalesPayloadGraphType>();
        builder.Services.AddSingleton<FxRateGraphType>();
        builder.Services.AddSingleton<FxRateInputGraphType>();
        builder.Services.AddSingleton<SetFxRatesInputGraphType>();
        builder.Services.AddSingleton<SetFxRatesPayloadGraphType>();
        builder.Services.AddSingleton<CreditRuleGraphType>();
        builder.Services.AddSingleton<CreditRuleInputGraphType>();
        builder.Services.AddSingleton<SetCreditingRulesInputGraphType>();
        builder.Services.AddSingleton<SetCreditingRulesPayloadGraphType>();
        builder.Services.AddSingleton<ActivityKindGraphType>();
        builder.Services.AddSingleton<ActivityInputGraphType>();
        builder.Services.AddSingleton<LogActivitiesInputGraphType>();
        builder.Services.AddSingleton<LogActivitiesPayloadGraphType>();
        builder.Services.AddSingleton<OpportunityInputGraphType>();
        builder.Services.AddSingleton<UpsertOpportunitiesInputGraphType>();
        builder.Services.AddSingleton<UpsertOpportunitiesPayloadGraphType>();
        builder.Services.AddSingleton<AttainmentGraphType>();
        builder.Services.AddSingleton<AttainmentScopeGraphType>();
        builder.Services.AddSingleton<CreditConnectionGraphType>();
        builder.Services.AddSingleton<RecreditSalesInputGraphType>();
        builder.Services.AddSingleton<RecreditSalesPayloadGraphType>();
        builder.Services.AddSingleton<ActivityGraphType>();
        builder.Services.AddSingleton<ActivityConnectionGraphType>();
        builder.Services.AddSingleton<OpportunityGraphType>();
        builder.Services.AddSingleton<OpportunityStageChangeGraphType>();
        builder.Services.AddSingleton<OpportunityConnectionGraphType>();
        builder.Services.AddScoped<PipelineDataLoaders>();
    }

    public static WebApplication MapSpmGraphQL(this WebApplication app)
    {
        // HTTP (GraphQL over HTTP) and WebSocket (graphql-transport-ws) on one path; the
        // transport initialises the schema at start-up so a broken schema stops the host.
        // HTTP GraphQL needs a token, so a missing or expired one gets the usual challenge
        // (WWW-Authenticate: Bearer error="invalid_token"). Two requests pass without one: a
        // WebSocket upgrade, because browsers cannot set headers on it (the socket authenticates
        // in connection_init or is closed with 4403), and a browser asking for the GraphiQL page.
        app.MapGraphQL("/graphql").RequireAuthorization(new AuthorizationPolicyBuilder()
            .RequireAssertion(c => c.User.Identity?.IsAuthenticated == true
                || (c.Resource is HttpContext http && (http.WebSockets.IsWebSocketRequest || GraphQLPageRequest.Matches(http.Request))))
            .Build());
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
