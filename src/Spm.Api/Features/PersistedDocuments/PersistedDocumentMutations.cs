using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Spm.Api.Auth;
using Spm.Api.Features.Audit;
using Spm.Api.Graph;
using Spm.GraphQL.AspNetCore;
using Spm.Infrastructure.PersistedDocuments;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.PersistedDocuments;

/// <summary>Admins add documents to their tenant's allow-list.</summary>
public static class PersistedDocumentMutations
{
    /// <summary>Most documents one call may register.</summary>
    public const int MaxDocumentsPerCall = 100;

    public static void Register(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<RegisterPersistedDocumentsPayloadGraphType>>("registerPersistedDocuments")
            .Requires(Capability.ManageAccess)
            .Description("Allows documents for this tenant's clients, which then run them by `documentId` (persisted-only clients can run nothing else). Idempotent: a document already allowed keeps its id. All or nothing: one invalid document registers none.")
            .Argument<NonNullGraphType<RegisterPersistedDocumentsInputGraphType>>("input", "The documents.")
            .ResolveAsync(async c => await RegisterAsync(c));
    }

    private static async Task<RegisterPersistedDocumentsPayload> RegisterAsync(IResolveFieldContext context)
    {
        var input = context.GetArgument<RegisterPersistedDocumentsInput>("input");
        var services = context.RequestServices!;
        var cancellationToken = context.CancellationToken;
        var errors = await ProblemsAsync(context.Schema, input.Documents, services.GetRequiredService<IOptions<GraphQLTransportOptions>>().Value.MaxDocumentLength, cancellationToken);
        if (errors.Count > 0)
        {
            return new RegisterPersistedDocumentsPayload([], errors);
        }

        var caller = services.GetRequiredService<Caller>();
        var tenantId = caller.RequireTenant();
        var audit = services.GetRequiredService<AuditTrail>();
        var clock = services.GetRequiredService<TimeProvider>();
        var contexts = services.GetRequiredService<IDbContextFactory<SpmDbContext>>();
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var (ids, added) = await PersistedDocumentRegistry.AddAsync(db, tenantId, input.Documents, caller.Subject, clock.GetUtcNow(), cancellationToken);
            foreach (var document in added)
            {
                audit.Record(db, "registerPersistedDocuments", "PersistedDocument", document.DocumentId, null, new { document.DocumentId, document.Text });
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt == 0 && ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Someone registered one of these texts at the same moment: read again, it is known now.
                continue;
            }

            var store = services.GetRequiredService<PostgresPersistedDocumentStore>();
            foreach (var document in added)
            {
                store.Forget(document.DocumentId, tenantId);
            }

            return new RegisterPersistedDocumentsPayload(ids, []);
        }
    }

    private static async Task<List<UserError>> ProblemsAsync(ISchema schema, IReadOnlyList<string> documents, int maxLength, CancellationToken cancellationToken)
    {
        if (documents.Count is 0 or > MaxDocumentsPerCall)
        {
            return [new UserError("VALIDATION", $"Send 1 to {MaxDocumentsPerCall} documents; {documents.Count} were sent.", ["input", "documents"])];
        }

        var errors = new List<UserError>();
        for (var i = 0; i < documents.Count; i++)
        {
            if (await PersistedDocumentValidator.ProblemAsync(schema, documents[i], maxLength, cancellationToken) is { } problem)
            {
                errors.Add(new UserError("INVALID_DOCUMENT", $"Document {i}: {problem}", ["input", "documents", i.ToString(CultureInfo.InvariantCulture)]));
            }
        }

        return errors;
    }
}
