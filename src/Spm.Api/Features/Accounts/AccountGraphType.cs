using GraphQL.Types;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Api.Features.Territories;
using Spm.Api.Graph;
using Spm.Domain.Accounts;

namespace Spm.Api.Features.Accounts;

/// <summary>A customer or prospect.</summary>
public sealed class AccountGraphType : ObjectGraphType<Account>
{
    public const string TypeName = "Account";

    public AccountGraphType()
    {
        Name = TypeName;
        Description = "A customer or prospect, with the attributes territory rules match on. Identified across imports by `externalId`.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Account;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("externalId").Description("The source system's key, unique in the tenant; imports upsert by it.").Resolve(c => c.Source.ExternalId);
        Field<NonNullGraphType<StringGraphType>>("name").Description("Account name.").Resolve(c => c.Source.Name);
        Field<StringGraphType>("country").Description("Country code as imported (upper case), e.g. `US`.").Resolve(c => c.Source.Country);
        Field<StringGraphType>("region").Description("State, province or region; rules may call it `region` or `state`.").Resolve(c => c.Source.Region);
        Field<StringGraphType>("county").Description("County or district.").Resolve(c => c.Source.County);
        Field<StringGraphType>("city").Description("City.").Resolve(c => c.Source.City);
        Field<StringGraphType>("postalCode").Description("Postal code, upper case.").Resolve(c => c.Source.PostalCode);
        Field<StringGraphType>("industry").Description("Industry.").Resolve(c => c.Source.Industry);
        Field<NonNullGraphType<IntGraphType>>("employeeCount").Description("Number of employees.").Resolve(c => c.Source.EmployeeCount);
        Field<NonNullGraphType<DecimalStringGraphType>>("annualRevenue").Description("Revenue from the account over the last year, in the tenant's reporting currency.").Resolve(c => c.Source.AnnualRevenue);
        Field<NonNullGraphType<DecimalStringGraphType>>("potential").Description("Market opportunity of the account, in the tenant's reporting currency.").Resolve(c => c.Source.Potential);
        Field<DecimalStringGraphType>("latitude").Description("Latitude in degrees; null when unknown.").Resolve(c => c.Source.Latitude);
        Field<DecimalStringGraphType>("longitude").Description("Longitude in degrees; null when unknown.").Resolve(c => c.Source.Longitude);
        Field<ParticipantGraphType>("owner").Description("The account's owner in the CRM, if any (credit follows territories, not this field).")
            .Resolve(c => c.Source.OwnerParticipantId is { } id ? c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(id) : null);
        Field<TerritoryGraphType>("territory")
            .Description("The territory the account falls in on `asOf` (default today), by override or rules; null when none covers it.")
            .Argument<CalendarDateGraphType>("asOf", "The date; today (UTC) when omitted.")
            .ResolveAsync(async c =>
            {
                var asOf = TerritoryReads.AsOf(c);
                var membership = await TerritoryReads.MembershipAsync(c, asOf);
                return membership.AssignmentOf(c.Source.Id)?.TerritoryId is { } id ? new TerritoryView(membership.Snapshot.ById[id], asOf) : null;
            });
    }
}
