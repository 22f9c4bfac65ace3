using Spm.Api.Features.Relay;
using Spm.Infrastructure.Sales;

namespace Spm.Api.Features.Sales;

/// <summary>A page of sales.</summary>
public sealed class SaleConnectionGraphType() : ConnectionGraphType<SaleGraphType, StoredSale>("Sale", "sales");
