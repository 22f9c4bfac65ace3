using GraphQL;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Spm.Api.Features.Audit;
using Spm.Api.Graph;
using Spm.Domain.Common;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Territories;

/// <summary>
/// Runs an accounts or territories mutation as one transaction: a <see cref="DomainException"/> (or a database
/// constraint that backs a domain rule up) rolls everything back and becomes a UserError; nothing is written.
/// </summary>
public static class PlanningMutation
{
    public static async Task<TPayload> RunAsync<TPayload>(
        IResolveFieldContext context,
        Func<SpmDbContext, AuditTrail, Task<TPayload>> body,
        Func<IReadOnlyList<UserError>, TPayload> failed)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(failed);
        var services = context.RequestServices!;
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        try
        {
            var payload = await body(db, services.GetRequiredService<AuditTrail>());
            await transaction.CommitAsync(context.CancellationToken);
            return payload;
        }
        catch (DomainException e)
        {
            return failed([UserError.From(e)]);
        }
        catch (UserErrorsException e)
        {
            return failed(e.Errors);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException pg && FromDatabase(pg) is { } error)
        {
            return failed([error]);
        }
        catch (PostgresException pg) when (FromDatabase(pg) is { } error)
        {
            return failed([error]);
        }
    }

    /// <summary>Constraint violations that mean "the input broke a rule" rather than "the server broke".</summary>
    public static UserError? FromDatabase(PostgresException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.SqlState switch
        {
            PostgresErrorCodes.CheckViolation when exception.ConstraintName?.EndsWith("_acyclic", StringComparison.Ordinal) == true =>
                new UserError("HIERARCHY_CYCLE", "The change would create a cycle in the territory hierarchy.", ["parentId"]),
            PostgresErrorCodes.ExclusionViolation =>
                new UserError("ASSIGNMENT_OVERLAP", "The participant already has an assignment with this role on this territory over overlapping dates.", ["effectiveFrom"]),
            PostgresErrorCodes.UniqueViolation =>
                new UserError("CONFLICT", $"A concurrent change got there first ({exception.ConstraintName}); retry.", []),
            PostgresErrorCodes.ForeignKeyViolation =>
                new UserError("NOT_FOUND", $"A referenced object no longer exists ({exception.ConstraintName}).", []),
            _ => null,
        };
    }
}
