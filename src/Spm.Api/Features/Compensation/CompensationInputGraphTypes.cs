using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Compensation;

/// <summary>Input of `createCompPlan`.</summary>
public sealed class CreateCompPlanInputGraphType : InputObjectGraphType
{
    public CreateCompPlanInputGraphType()
    {
        Name = "CreateCompPlanInput";
        Description = "A new plan and its first version, as a DRAFT.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Unique within the tenant, 1 to 200 characters.");
        Field<StringGraphType>("description").Description("Free text for plan designers.");
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveFrom").Description("First day the version is in force.");
        Field<CalendarDateGraphType>("effectiveTo").Description("Last day in force (inclusive); open-ended when omitted.");
        Field<NonNullGraphType<StringGraphType>>("document").Description("The plan document (JSON): currency, components, caps. Its planId, version and dates are set from the row; errors name the JSON path.");
    }
}

/// <summary>Input of `createCompPlanVersion`.</summary>
public sealed class CreateCompPlanVersionInputGraphType : InputObjectGraphType
{
    public CreateCompPlanVersionInputGraphType()
    {
        Name = "CreateCompPlanVersionInput";
        Description = "A new DRAFT version of an existing plan.";
        Field<NonNullGraphType<IdGraphType>>("planId").Description("Global id of the plan.");
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveFrom").Description("First day the version would be in force.");
        Field<CalendarDateGraphType>("effectiveTo").Description("Last day in force (inclusive); open-ended when omitted.");
        Field<NonNullGraphType<StringGraphType>>("document").Description("The plan document (JSON).");
    }
}

/// <summary>Input of `publishCompPlanVersion`.</summary>
public sealed class PublishCompPlanVersionInputGraphType : InputObjectGraphType
{
    public PublishCompPlanVersionInputGraphType()
    {
        Name = "PublishCompPlanVersionInput";
        Description = "The draft version to publish. The published version in force before it is closed the day before it starts.";
        Field<NonNullGraphType<IdGraphType>>("versionId").Description("Global id of a DRAFT version.");
    }
}

/// <summary>Input of `assignCompPlan`.</summary>
public sealed class AssignCompPlanInputGraphType : InputObjectGraphType
{
    public AssignCompPlanInputGraphType()
    {
        Name = "AssignCompPlanInput";
        Description = "Puts a participant on a plan over a date range. Several plans at once are allowed; all of a participant's assignments share one pay currency.";
        Field<NonNullGraphType<IdGraphType>>("participantId").Description("Global id of the participant.");
        Field<NonNullGraphType<IdGraphType>>("planId").Description("Global id of the plan.");
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveFrom").Description("First day on the plan.");
        Field<CalendarDateGraphType>("effectiveTo").Description("Last day on the plan (inclusive); open-ended when omitted.");
        Field<NonNullGraphType<StringGraphType>>("onTargetEarnings").Description("Annual on-target earnings, a decimal string.");
        Field<NonNullGraphType<StringGraphType>>("targetIncentive").Description("Annual target incentive, a decimal string.");
        Field<StringGraphType>("currency").Description("Pay currency (ISO 4217); the participant's pay currency when omitted.");
    }
}

/// <summary>Input of `startCalculationRun`.</summary>
public sealed class StartCalculationRunInputGraphType : InputObjectGraphType
{
    public StartCalculationRunInputGraphType()
    {
        Name = "StartCalculationRunInput";
        Description = "A calculation of one period with the published plans.";
        Field<NonNullGraphType<IdGraphType>>("periodId").Description("Global id of the period (usually a fiscal month). A locked period is refused.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("participantIds").Description("Only these participants; everyone on a plan in the period when omitted.");
    }
}

/// <summary>Input of `startWhatIfRun`.</summary>
public sealed class StartWhatIfRunInputGraphType : InputObjectGraphType
{
    public StartWhatIfRunInputGraphType()
    {
        Name = "StartWhatIfRunInput";
        Description = "A what-if: a DRAFT plan version over a (past) period in place of the published one, for the participants on that plan. Compare it with a regular run of the period with `compareCalculationRuns`.";
        Field<NonNullGraphType<IdGraphType>>("versionId").Description("Global id of a DRAFT plan version.");
        Field<NonNullGraphType<IdGraphType>>("periodId").Description("Global id of the period.");
    }
}

/// <summary>Input of `openDispute`.</summary>
public sealed class OpenDisputeInputGraphType : InputObjectGraphType
{
    public OpenDisputeInputGraphType()
    {
        Name = "OpenDisputeInput";
        Description = "A question about one of your own statement lines (runId + lineNo) or credits (creditId).";
        Field<IdGraphType>("runId").Description("Global id of the run of the statement.");
        Field<IntGraphType>("lineNo").Description("The statement line (with `runId`).");
        Field<IdGraphType>("creditId").Description("Id of a credit ledger row (instead of a statement line).");
        Field<IdGraphType>("participantId").Description("Whose statement line: yourself when omitted (a manager may open one for someone in their team).");
        Field<NonNullGraphType<StringGraphType>>("description").Description("What is wrong, 1 to 4000 characters.");
    }
}

/// <summary>Input of `reviewDispute`, `resolveDispute` and `rejectDispute`.</summary>
public sealed class DecideDisputeInputGraphType : InputObjectGraphType
{
    public DecideDisputeInputGraphType()
    {
        Name = "DecideDisputeInput";
        Description = "A decision on a dispute.";
        Field<NonNullGraphType<IdGraphType>>("disputeId").Description("Global id of the dispute.");
        Field<StringGraphType>("resolution").Description("What was decided and why (required to resolve or reject).");
        Field<StringGraphType>("adjustmentAmount").Description("For `resolveDispute`: the amount to pay (negative to take back), a decimal string in the rep's pay currency.");
        Field<IdGraphType>("adjustmentPeriodId").Description("For `resolveDispute`: the open period whose statement pays the adjustment; the first open month from the disputed period on when omitted.");
    }
}

/// <summary>Input of `submitPayout`.</summary>
public sealed class SubmitPayoutInputGraphType : InputObjectGraphType
{
    public SubmitPayoutInputGraphType()
    {
        Name = "SubmitPayoutInput";
        Description = "Closes a period from a completed regular run: submits its statements for approval by the sales manager, then finance.";
        Field<NonNullGraphType<IdGraphType>>("runId").Description("Global id of a COMPLETED REGULAR run.");
        Field<IdGraphType>("managerApproverId").Description("The manager who approves first; the manager of the top team when omitted.");
        Field<IdGraphType>("financeApproverId").Description("The finance participant who approves second; the first finance participant by name when omitted.");
    }
}

/// <summary>Input of `approvePayout`, `rejectPayout` and `lockPayout`.</summary>
public sealed class DecidePayoutInputGraphType : InputObjectGraphType
{
    public DecidePayoutInputGraphType()
    {
        Name = "DecidePayoutInput";
        Description = "A decision on a payout.";
        Field<NonNullGraphType<IdGraphType>>("payoutId").Description("Global id of the payout.");
        Field<StringGraphType>("comment").Description("Why (required to reject).");
    }
}
