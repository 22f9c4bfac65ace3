using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>A territory seen on one date: children, members and metrics of the tree are those of that date.</summary>
public sealed record TerritoryView(Territory Territory, DateOnly AsOf);
