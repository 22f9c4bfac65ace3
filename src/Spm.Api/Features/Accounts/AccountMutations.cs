using GraphQL;
using GraphQL.Types;
using Spm.Api.Auth;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Api.Features.Territories;
using Spm.Api.Graph;
using Spm.Domain.Accounts;

namespace Spm.Api.Features.Accounts;

/// <summary>Bulk upsert of accounts over GraphQL (the CSV endpoint serves larger files).</summary>
public static class AccountMutations
{
    public static void Register(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<UpsertAccountsPayloadGraphType>>("upsertAccounts")
            .Requires(Capability.WritePlanning)
            .Description($"Creates or updates up to {AccountImporter.MaxBatch} accounts by external id, all or nothing. Re-sending the same rows changes nothing and writes no audit entries.")
            .Argument<NonNullGraphType<UpsertAccountsInputGraphType>>("input", "The rows.")
            .ResolveAsync(async c => await PlanningMutation.RunAsync(
                c,
                async (db, audit) =>
                {
                    var input = InputReader.Of(c.GetArgument<Dictionary<string, object?>>("input"));
                    var rows = input.Objects("accounts");
                    if (rows.Count > AccountImporter.MaxBatch)
                    {
                        throw new UserErrorsException([new UserError("TOO_MANY", $"At most {AccountImporter.MaxBatch} accounts per call; {rows.Count} were sent. Use several calls or POST /import/accounts.", ["input", "accounts"])]);
                    }

                    var errors = new List<AccountRowError>();
                    var parsed = new List<AccountImporter.Row>();
                    for (var i = 0; i < rows.Count; i++)
                    {
                        var r = rows[i];
                        Guid? owner = null;
                        if (r.Text("ownerId") is { } ownerGlobalId)
                        {
                            owner = GlobalId.TryDecode(ownerGlobalId, ParticipantGraphType.TypeName);
                            if (owner is null)
                            {
                                errors.Add(new(i, "ownerId", "NOT_FOUND", "ownerId is not a participant id."));
                                continue;
                            }
                        }

                        parsed.Add(new(i, new AccountData(
                            r.Text("externalId") ?? string.Empty,
                            r.Text("name") ?? string.Empty,
                            r.Text("country"),
                            r.Text("region"),
                            r.Text("county"),
                            r.Text("city"),
                            r.Text("postalCode"),
                            r.Text("industry"),
                            r.WholeNumber("employeeCount") ?? 0,
                            r.Number("annualRevenue") ?? 0m,
                            r.Number("potential") ?? 0m,
                            r.Number("latitude"),
                            r.Number("longitude"),
                            owner)));
                    }

                    errors.AddRange(AccountImporter.Duplicates(parsed, new Dictionary<string, int>(StringComparer.Ordinal)));
                    var (valid, invalid) = await AccountImporter.ValidateAsync(db, parsed, c.CancellationToken);
                    errors.AddRange(invalid);
                    if (errors.Count > 0)
                    {
                        throw new UserErrorsException([.. errors.OrderBy(e => e.Row).Select(e => new UserError(e.Code, $"Row {e.Row}: {e.Message}", ["input", "accounts", e.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Field]))]);
                    }

                    var tenant = c.RequestServices!.GetRequiredService<Caller>().RequireTenant();
                    var result = await AccountImporter.UpsertAsync(db, audit, tenant, valid, c.CancellationToken);
                    return new UpsertAccountsPayload(result.Created, result.Updated, result.Unchanged, result.Accounts, []);
                },
                e => new UpsertAccountsPayload(0, 0, 0, [], e)));
    }
}
