using GraphQL.Types;
using Spm.Api.Features.Accounts;
using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>Where an account sits on a date and who owns it.</summary>
public sealed class TerritoryResolutionGraphType : ObjectGraphType<(AccountOwnership Ownership, DateOnly Date)>
{
    public TerritoryResolutionGraphType()
    {
        Name = "TerritoryResolution";
        Description = "The territory owning an account on a date (by include override, else the first matching territory in rule order) and the participants assigned along its path.";
        Field<NonNullGraphType<AccountGraphType>>("account").Description("The account.")
            .Resolve(c => c.RequestServices!.GetRequiredService<AccountDataLoaders>().AccountById.LoadAsync(c.Source.Ownership.AccountId));
        Field<NonNullGraphType<CalendarDateGraphType>>("date").Description("The date resolved.").Resolve(c => c.Source.Date);
        Field<TerritoryGraphType>("territory").Description("The deepest matched territory; null when none covers the account.")
            .ResolveAsync(async c => c.Source.Ownership.TerritoryId is { } id ? new TerritoryView((await TerritoryReads.SnapshotAsync(c, c.Source.Date)).ById[id], c.Source.Date) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TerritoryGraphType>>>>("path").Description("The matched territory at each level, top first.")
            .ResolveAsync(async c =>
            {
                var snapshot = await TerritoryReads.SnapshotAsync(c, c.Source.Date);
                return c.Source.Ownership.Path.Select(id => new TerritoryView(snapshot.ById[id], c.Source.Date)).ToList();
            });
        Field<NonNullGraphType<BooleanGraphType>>("byOverride").Description("True when an include override placed the account, not the rules.").Resolve(c => c.Source.Ownership.ByOverride);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TerritoryOwnerGraphType>>>>("owners")
            .Description("Assignments in force on the date on every territory of the path, deepest territory first, primaries before overlays.")
            .Resolve(c => c.Source.Ownership.Owners.Select(o => (o, c.Source.Date)).ToList());
    }
}
