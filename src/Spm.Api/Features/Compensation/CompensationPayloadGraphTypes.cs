using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Compensation;

/// <summary>GraphQL shape of <see cref="CompPlanPayload"/>.</summary>
public sealed class CompPlanPayloadGraphType : ObjectGraphType<CompPlanPayload>
{
    public CompPlanPayloadGraphType()
    {
        Name = "CompPlanPayload";
        Description = "The plan and the version written, or why nothing was written.";
        Field<CompPlanGraphType>("plan").Description("The plan with all its versions.").Resolve(c => c.Source.Plan);
        Field<CompPlanVersionGraphType>("version").Description("The version created or published.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why the input was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>GraphQL shape of <see cref="AssignCompPlanPayload"/>.</summary>
public sealed class AssignCompPlanPayloadGraphType : ObjectGraphType<AssignCompPlanPayload>
{
    public AssignCompPlanPayloadGraphType()
    {
        Name = "AssignCompPlanPayload";
        Description = "The assignment written, or why nothing was written.";
        Field<CompPlanAssignmentGraphType>("assignment").Description("The new assignment.").Resolve(c => c.Source.Assignment);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why the input was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>GraphQL shape of <see cref="CalculationRunPayload"/>.</summary>
public sealed class CalculationRunPayloadGraphType : ObjectGraphType<CalculationRunPayload>
{
    public CalculationRunPayloadGraphType()
    {
        Name = "CalculationRunPayload";
        Description = "The run queued (follow it with `calculationRunProgress`), or why none was.";
        Field<CalculationRunGraphType>("run").Description("The queued run.").Resolve(c => c.Source.Run);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why the input was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>GraphQL shape of <see cref="DisputePayload"/>.</summary>
public sealed class DisputePayloadGraphType : ObjectGraphType<DisputePayload>
{
    public DisputePayloadGraphType()
    {
        Name = "DisputePayload";
        Description = "The dispute as it now stands, or why nothing was written.";
        Field<DisputeGraphType>("dispute").Description("The dispute.").Resolve(c => c.Source.Dispute);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why the input was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>GraphQL shape of <see cref="PayoutPayload"/>.</summary>
public sealed class PayoutPayloadGraphType : ObjectGraphType<PayoutPayload>
{
    public PayoutPayloadGraphType()
    {
        Name = "PayoutPayload";
        Description = "The payout as it now stands, or why nothing was written.";
        Field<PayoutGraphType>("payout").Description("The payout.").Resolve(c => c.Source.Payout);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why the input was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}
