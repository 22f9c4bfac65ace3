using Spm.Api.Features.Accounts;
using Spm.Api.Features.Quotas;

namespace Spm.Api.Features.Territories;

/// <summary>The accounts and territories feature's services and graph types, listed (not scanned).</summary>
public static class TerritoryServices
{
    public static IServiceCollection AddSpmAccountsAndTerritories(this IServiceCollection services)
    {
        services.AddSingleton<ITerritoryOwnership, TerritoryOwnershipService>();
        services.AddScoped<IAllocationWeightSource, TerritoryPotentialWeightSource>();
        services.AddScoped<AccountDataLoaders>();
        services.AddSingleton<Graph.DecimalStringGraphType>();
        services.AddSingleton<AccountGraphType>();
        services.AddSingleton<AccountConnectionGraphType>();
        services.AddSingleton<AccountInputGraphType>();
        services.AddSingleton<UpsertAccountsInputGraphType>();
        services.AddSingleton<UpsertAccountsPayloadGraphType>();
        services.AddSingleton<TerritoryGraphType>();
        services.AddSingleton<TerritoryMetricsGraphType>();
        services.AddSingleton<TerritoryRuleGraphType>();
        services.AddSingleton<TerritoryRuleInputGraphType>();
        services.AddSingleton<TerritoryRuleKindGraphType>();
        services.AddSingleton<RuleMatchGraphType>();
        services.AddSingleton<OverrideKindGraphType>();
        services.AddSingleton<TerritoryRoleGraphType>();
        services.AddSingleton<BalanceMetricGraphType>();
        services.AddSingleton<TerritoryOverrideGraphType>();
        services.AddSingleton<TerritoryAssignmentGraphType>();
        services.AddSingleton<TerritoryCoverageGraphType>();
        services.AddSingleton<TerritoryOverlapGraphType>();
        services.AddSingleton<TerritoryBalanceGraphType>();
        services.AddSingleton<TerritoryBalanceChildGraphType>();
        services.AddSingleton<TerritoryBalanceIndexGraphType>();
        services.AddSingleton<TerritoryResolutionGraphType>();
        services.AddSingleton<TerritoryOwnerGraphType>();
        services.AddSingleton<CreateTerritoryInputGraphType>();
        services.AddSingleton<UpdateTerritoryInputGraphType>();
        services.AddSingleton<MoveTerritoryInputGraphType>();
        services.AddSingleton<SetTerritoryRulesInputGraphType>();
        services.AddSingleton<SetTerritoryOverridesInputGraphType>();
        services.AddSingleton<AssignTerritoryParticipantInputGraphType>();
        services.AddSingleton<UnassignTerritoryParticipantInputGraphType>();
        services.AddSingleton<CreateTerritoryPayloadGraphType>();
        services.AddSingleton<UpdateTerritoryPayloadGraphType>();
        services.AddSingleton<MoveTerritoryPayloadGraphType>();
        services.AddSingleton<SetTerritoryRulesPayloadGraphType>();
        services.AddSingleton<SetTerritoryOverridesPayloadGraphType>();
        services.AddSingleton<AssignTerritoryParticipantPayloadGraphType>();
        services.AddSingleton<UnassignTerritoryParticipantPayloadGraphType>();
        services.AddSingleton<RebalanceProposalGraphType>();
        services.AddSingleton<RebalanceMoveGraphType>();
        services.AddSingleton<RebalanceBalanceGraphType>();
        services.AddSingleton<ProposeRebalanceInputGraphType>();
        services.AddSingleton<ApplyRebalanceInputGraphType>();
        services.AddSingleton<ProposeRebalancePayloadGraphType>();
        services.AddSingleton<ApplyRebalancePayloadGraphType>();
        return services;
    }
}
