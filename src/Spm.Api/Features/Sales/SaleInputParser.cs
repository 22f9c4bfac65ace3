using Spm.Api.Features.Relay;
using Spm.Domain.Common;
using Spm.Domain.Sales;
using Spm.Infrastructure.Sales;

namespace Spm.Api.Features.Sales;

/// <summary>Turns `SaleInput` dictionaries into validated sales, with the index and field of every problem.</summary>
public static class SaleInputParser
{
    public static SaleCommand Parse(int index, IReadOnlyDictionary<string, object?> input, Guid tenantId)
    {
        ArgumentNullException.ThrowIfNull(input);
        var owner = ParticipantId(input.GetValueOrDefault("ownerParticipantId") as string, "ownerParticipantId");
        var accountText = input.GetValueOrDefault("accountId") as string;
        Guid? account = accountText is null ? null : GlobalId.TryDecode(accountText, "Account") ?? (Guid.TryParse(accountText, out var raw) ? raw : throw new DomainException("ID_INVALID", $"accountId '{accountText}' is not an account id.", "accountId"));
        List<CoSeller>? coSellers = null;
        if (input.GetValueOrDefault("coSellers") is IEnumerable<object?> lines)
        {
            coSellers = [];
            var i = 0;
            foreach (var line in lines)
            {
                var fields = line as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
                coSellers.Add(new CoSeller(ParticipantId(fields.GetValueOrDefault("participantId") as string, $"coSellers[{i}].participantId"), fields.GetValueOrDefault("splitPercent") as decimal? ?? 0m));
                i++;
            }
        }

        return SaleCommand.Record(index, new Sale(
            tenantId,
            input.GetValueOrDefault("source") as string ?? string.Empty,
            input.GetValueOrDefault("externalId") as string ?? string.Empty,
            input.GetValueOrDefault("amount") as decimal? ?? 0m,
            input.GetValueOrDefault("currency") as string ?? string.Empty,
            input.GetValueOrDefault("closeDate") as DateOnly? ?? default,
            account,
            input.GetValueOrDefault("product") as string,
            input.GetValueOrDefault("segment") as string,
            owner,
            coSellers));
    }

    /// <summary>A participant's global id (or, for machine clients, the raw UUID).</summary>
    public static Guid ParticipantId(string? text, string field) =>
        GlobalId.TryDecode(text, "Participant") ?? (Guid.TryParse(text, out var raw) ? raw : throw new DomainException("ID_INVALID", $"{field} '{text}' is not a participant id.", field));
}
