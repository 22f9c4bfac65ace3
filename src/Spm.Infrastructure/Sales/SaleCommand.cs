using Spm.Domain.Sales;

namespace Spm.Infrastructure.Sales;

/// <summary>
/// One delivery to the ledger: record <see cref="Content"/> (new, amendment or replay), or cancel the sale
/// <see cref="CancelKey"/>. <see cref="Row"/> is what errors name: the input index (GraphQL) or file row (bulk).
/// </summary>
public sealed record SaleCommand(int Row, Sale? Content, SaleKey? CancelKey)
{
    public SaleKey Key => Content?.Key ?? CancelKey ?? throw new InvalidOperationException("A command records or cancels a sale.");

    public static SaleCommand Record(int row, Sale content) => new(row, content, null);

    public static SaleCommand Cancel(int row, SaleKey key) => new(row, null, key);
}
