using System.Globalization;
using Spm.Domain.Common;
using Spm.Domain.Sales;
using Spm.Infrastructure.Sales;

namespace Spm.Infrastructure.Ingest;

/// <summary>
/// Turns a row's text fields into a validated <see cref="Sale"/> (or a cancellation), naming the field of the
/// first problem. Field names are the ones the file uses, which are also the domain's (<c>ownerParticipantId</c>).
/// </summary>
internal static class SaleRowBuilder
{
    public static ParsedRow Build(int row, RawSale raw, Guid tenantId)
    {
        try
        {
            if (raw.Action is { Length: > 0 } action && !string.Equals(action, "record", StringComparison.OrdinalIgnoreCase))
            {
                if (!string.Equals(action, "cancel", StringComparison.OrdinalIgnoreCase))
                {
                    return Error(row, "action", "ACTION_INVALID", $"'{action}' is not an action; use record (the default) or cancel.");
                }

                var source = Guard.NotBlank(raw.Source, "source", Sale.MaxSourceLength);
                var externalId = Guard.NotBlank(raw.ExternalId, "externalId", Sale.MaxExternalIdLength);
                return new ParsedRow(SaleCommand.Cancel(row, new SaleKey(tenantId, source, externalId)), null);
            }

            var amount = raw.AmountNumber ?? Number(raw.Amount, "amount");
            var closeDate = DateOnly.TryParseExact(raw.CloseDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new DomainException("DATE_INVALID", $"closeDate '{raw.CloseDate}' is not a date as yyyy-MM-dd.", "closeDate");
            var account = string.IsNullOrWhiteSpace(raw.AccountId) ? (Guid?)null : Id(raw.AccountId, "accountId");
            var owner = Id(raw.OwnerParticipantId, "ownerParticipantId");
            List<CoSeller>? coSellers = null;
            if (raw.CoSellers.Count > 0)
            {
                coSellers = new List<CoSeller>(raw.CoSellers.Count);
                for (var i = 0; i < raw.CoSellers.Count; i++)
                {
                    var (participant, split, splitNumber) = raw.CoSellers[i];
                    coSellers.Add(new CoSeller(Id(participant, $"coSellers[{i}].participantId"), splitNumber ?? Number(split, $"coSellers[{i}].splitPercent")));
                }
            }

            var sale = new Sale(tenantId, raw.Source!, raw.ExternalId!, amount, raw.Currency!, closeDate, account, raw.Product, raw.Segment, owner, coSellers);
            return new ParsedRow(SaleCommand.Record(row, sale), null);
        }
        catch (DomainException ex)
        {
            return Error(row, ex.Field ?? string.Empty, ex.Code, ex.Message);
        }
    }

    public static ParsedRow Error(int row, string field, string code, string message) => new(null, new RowError(row, field, code, message));

    private static decimal Number(string? text, string field) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DomainException("NUMBER_INVALID", $"{field} '{text}' is not a decimal number such as 1250.50.", field);

    private static Guid Id(string? text, string field) =>
        Guid.TryParse(text, out var id)
            ? id
            : throw new DomainException(string.IsNullOrWhiteSpace(text) ? "REQUIRED" : "UUID_INVALID", $"{field} '{text}' is not a participant or account id (a UUID).", field);
}
