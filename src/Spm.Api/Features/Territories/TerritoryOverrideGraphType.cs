using GraphQL.Types;
using Spm.Api.Features.Accounts;
using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>An explicit include or exclude.</summary>
public sealed class TerritoryOverrideGraphType : ObjectGraphType<TerritoryOverride>
{
    public TerritoryOverrideGraphType()
    {
        Name = "TerritoryOverride";
        Description = "An account explicitly included in or excluded from a territory, whatever the rules say.";
        Field<NonNullGraphType<OverrideKindGraphType>>("kind").Description("Include or exclude.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<AccountGraphType>>("account").Description("The account.")
            .Resolve(c => c.RequestServices!.GetRequiredService<AccountDataLoaders>().AccountById.LoadAsync(c.Source.AccountId));
    }
}
