using GraphQL.Types;
using Spm.Api.Features.Relay;
using Spm.Domain.Organisation;

namespace Spm.Api.Features.Organisation;

/// <summary>The caller's organisation.</summary>
public sealed class TenantGraphType : ObjectGraphType<Tenant>
{
    public const string TypeName = "Tenant";

    public TenantGraphType()
    {
        Name = TypeName;
        Description = "The organisation the caller belongs to. Every other object belongs to exactly one tenant.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Tenant;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Description("Display name of the organisation.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("slug").Description("Short unique handle, lower case.").Resolve(c => c.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("timeZone").Description("IANA time zone in which days, weeks and windows are cut.").Resolve(c => c.Source.TimeZone);
        Field<NonNullGraphType<StringGraphType>>("reportingCurrency").Description("ISO 4217 currency that reports and leaderboards use.").Resolve(c => c.Source.ReportingCurrency);
        Field<NonNullGraphType<IntGraphType>>("fiscalYearStartMonth").Description("Calendar month (1-12) on which the fiscal year starts.").Resolve(c => c.Source.FiscalYearStartMonth);
    }
}
