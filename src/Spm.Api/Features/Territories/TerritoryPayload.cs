using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>The result of a mutation on one territory.</summary>
public sealed record TerritoryPayload(TerritoryView? Territory, IReadOnlyList<UserError> Errors);
