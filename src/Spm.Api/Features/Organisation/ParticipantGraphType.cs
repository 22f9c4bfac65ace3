using GraphQL.Types;
using Spm.Api.Features.Quotas;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Domain.Organisation;

namespace Spm.Api.Features.Organisation;

/// <summary>A person who sells or manages sellers.</summary>
public sealed class ParticipantGraphType : ObjectGraphType<Participant>
{
    public const string TypeName = "Participant";

    public ParticipantGraphType()
    {
        Name = TypeName;
        Description = "A person who sells or manages sellers: a payee of incentive compensation.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Participant;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Description("Full name.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("email").Description("Work email, lower case, unique in the tenant.").Resolve(c => c.Source.Email);
        Field<NonNullGraphType<ParticipantRoleGraphType>>("role").Description("What the participant does in the sales organisation.").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<ParticipantStatusGraphType>>("status").Description("Employment state.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<CalendarDateGraphType>>("hireDate").Description("First day of employment (drives ramped quotas).").Resolve(c => c.Source.HireDate);
        Field<CalendarDateGraphType>("terminationDate").Description("Last day of employment; null while employed.").Resolve(c => c.Source.TerminationDate);
        Field<NonNullGraphType<StringGraphType>>("payCurrency").Description("ISO 4217 currency the participant is paid in.").Resolve(c => c.Source.PayCurrency);
        Field<ParticipantGraphType>("manager").Description("The participant's direct manager; null at the top.")
            .Resolve(c => c.Source.ManagerId is { } id ? c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(id) : null);
        Field<TeamGraphType>("team").Description("The team the participant belongs to.")
            .Resolve(c => c.Source.TeamId is { } id ? c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().TeamById.LoadAsync(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ParticipantGraphType>>>>("directReports")
            .Description("Participants who report directly to this one, by name.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().DirectReportsByManager.LoadAsync(c.Source.Id));
        QuotaFields.AddTo(this);
    }
}
