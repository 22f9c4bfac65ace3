using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Api.Hosting;
using Spm.Infrastructure.Compensation;

namespace Spm.Api.Features.Compensation;

/// <summary>Everything the compensation feature registers: graph types (listed, not scanned), services and the run worker.</summary>
public static class CompensationServices
{
    public static IServiceCollection AddSpmCompensation(this IServiceCollection services)
    {
        services.AddOptions<CalculationRunOptions>().BindConfiguration(SpmConfigurationKeys.CompensationRuns);
        services.AddScoped<EarningsVisibility>();
        services.AddScoped<StatementReader>();
        services.AddSingleton<CalculationRunInbox>();
        services.AddHostedService<CalculationRunWorker>();
        services.AddSingleton<CompPlanVersionStatusGraphType>();
        services.AddSingleton<CalculationRunStatusGraphType>();
        services.AddSingleton<CalculationRunKindGraphType>();
        services.AddSingleton<StatementLineKindGraphType>();
        services.AddSingleton<DisputeStatusGraphType>();
        services.AddSingleton<PayoutStatusGraphType>();
        services.AddSingleton<CompPlanGraphType>();
        services.AddSingleton<CompPlanVersionGraphType>();
        services.AddSingleton<CompPlanAssignmentGraphType>();
        services.AddSingleton<CalculationRunGraphType>();
        services.AddSingleton<StatementGraphType>();
        services.AddSingleton<StatementLineGraphType>();
        services.AddSingleton<StatementLineSourceGraphType>();
        services.AddSingleton<ParticipantDifferenceGraphType>();
        services.AddSingleton<CurrencyDifferenceGraphType>();
        services.AddSingleton<RunComparisonGraphType>();
        services.AddSingleton<DisputeGraphType>();
        services.AddSingleton<PayoutLineGraphType>();
        services.AddSingleton<PayoutGraphType>();
        services.AddSingleton<CommissionExpenseGraphType>();
        services.AddSingleton<DealEstimateGraphType>();
        services.AddSingleton<CompPlanPayloadGraphType>();
        services.AddSingleton<AssignCompPlanPayloadGraphType>();
        services.AddSingleton<CalculationRunPayloadGraphType>();
        services.AddSingleton<DisputePayloadGraphType>();
        services.AddSingleton<PayoutPayloadGraphType>();
        services.AddSingleton<CreateCompPlanInputGraphType>();
        services.AddSingleton<CreateCompPlanVersionInputGraphType>();
        services.AddSingleton<PublishCompPlanVersionInputGraphType>();
        services.AddSingleton<AssignCompPlanInputGraphType>();
        services.AddSingleton<StartCalculationRunInputGraphType>();
        services.AddSingleton<StartWhatIfRunInputGraphType>();
        services.AddSingleton<OpenDisputeInputGraphType>();
        services.AddSingleton<DecideDisputeInputGraphType>();
        services.AddSingleton<SubmitPayoutInputGraphType>();
        services.AddSingleton<DecidePayoutInputGraphType>();
        services.AddSingleton<PeriodLockPayloadGraphType>();
        services.AddSingleton<PeriodLockInputGraphType>();
        services.AddSingleton<EarningsChangeGraphType>();
        services.AddSingleton<DisputeChangeGraphType>();
        return services;
    }

    /// <summary>Root query fields.</summary>
    public static void RegisterQueries(SpmQuery query, NodeRegistry nodes)
    {
        CompensationNodes.Register(nodes);
        CompensationQueries.Register(query);
        DealEstimateQueries.Register(query);
    }

    /// <summary>Root mutations.</summary>
    public static void RegisterMutations(SpmMutation mutation)
    {
        CompPlanMutations.Register(mutation);
        CalculationRunMutations.Register(mutation);
        PayoutMutations.Register(mutation);
        PeriodLockMutations.Register(mutation);
        DisputeMutations.Register(mutation);
    }

    /// <summary>Root subscription fields.</summary>
    public static void RegisterSubscriptions(SpmSubscription subscription)
    {
        CalculationRunSubscriptions.Register(subscription);
        EarningsSubscriptions.Register(subscription);
    }
}
