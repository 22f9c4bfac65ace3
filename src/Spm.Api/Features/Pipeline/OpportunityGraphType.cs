using GraphQL.Types;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Api.Features.Sales;
using Spm.Api.Graph;
using Spm.Infrastructure.Pipeline;

namespace Spm.Api.Features.Pipeline;

/// <summary>An open or closed deal in the pipeline.</summary>
public sealed class OpportunityGraphType : ObjectGraphType<Opportunity>
{
    public OpportunityGraphType()
    {
        Name = "Opportunity";
        Description = "A deal in the pipeline from the CRM, identified by (source, externalId), with its stage history.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode("Opportunity", c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("source").Description("The system the opportunity came from.").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<StringGraphType>>("externalId").Description("Its id in the source system.").Resolve(c => c.Source.ExternalId);
        Field<StringGraphType>("name").Description("Name, as sent by the source.").Resolve(c => c.Source.Name);
        Field<IdGraphType>("accountId").Description("The customer account's id, when given.").Resolve(c => c.Source.AccountId?.ToString());
        Field<ParticipantGraphType>("owner").Description("The participant who owns it.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(c.Source.OwnerParticipantId));
        Field<NonNullGraphType<StringGraphType>>("stage").Description("Current stage, as named by the source.").Resolve(c => c.Source.Stage);
        Field<NonNullGraphType<MoneyGraphType>>("amount").Description("Amount in the opportunity's currency.").Resolve(c => new MoneyValue(c.Source.Amount, c.Source.Currency.Trim()));
        Field<NonNullGraphType<DecimalStringGraphType>>("probability").Description("Win probability, 0 to 1.").Resolve(c => c.Source.Probability);
        Field<CalendarDateGraphType>("expectedCloseDate").Description("When the owner expects it to close.").Resolve(c => c.Source.ExpectedCloseDate);
        Field<NonNullGraphType<CalendarDateGraphType>>("createdOn").Description("When it was created in the source.").Resolve(c => c.Source.CreatedOn);
        Field<CalendarDateGraphType>("wonOn").Description("When it was won; null unless won.").Resolve(c => c.Source.WonOn);
        Field<CalendarDateGraphType>("lostOn").Description("When it was lost; null unless lost.").Resolve(c => c.Source.LostOn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OpportunityStageChangeGraphType>>>>("stageHistory").Description("Every stage it entered, oldest first.")
            .Resolve(c => c.RequestServices!.GetRequiredService<PipelineDataLoaders>().StagesByOpportunity.LoadAsync(c.Source.Id));
    }
}
