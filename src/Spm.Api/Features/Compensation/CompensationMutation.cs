using GraphQL;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Audit;
using Spm.Api.Features.Quotas;
using Spm.Api.Graph;
using Spm.Domain.Common;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Compensation;

/// <summary>
/// What every compensation mutation works with, and the one way they run: a fresh context, the input read field
/// by field, one SaveChanges at the very end; a <see cref="DomainException"/> anywhere becomes a user error
/// naming the field, and nothing is written.
/// </summary>
public sealed record CompensationMutation(IResolveFieldContext Context, SpmDbContext Db, PlanningInput Input, IServiceProvider Services, DateTimeOffset Now)
{
    public AuditTrail Audit => Services.GetRequiredService<AuditTrail>();

    public Caller Caller => Services.GetRequiredService<Caller>();

    public CancellationToken Cancellation => Context.CancellationToken;

    public static async Task<T> Run<T>(IResolveFieldContext c, Func<CompensationMutation, Task<T>> body, Func<UserError, T> failed)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(failed);
        var services = c.RequestServices!;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(c.CancellationToken);
        try
        {
            return await body(new CompensationMutation(c, db, PlanningInput.From(c), services, now));
        }
        catch (DomainException ex)
        {
            return failed(PlanningInput.ToUserError(ex));
        }
    }

    /// <summary>A date argument (the Date scalar parses to DateOnly).</summary>
    public DateOnly? Date(string name) => Input.Has(name) ? Context.GetArgument<Dictionary<string, object?>>("input")[name] as DateOnly? : null;

    public DateOnly RequireDate(string name) => Date(name) ?? throw new DomainException("REQUIRED", $"{name} is required.", Input.Field(name));

    public string RequireText(string name, int max)
    {
        var text = Input.Text(name)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new DomainException("REQUIRED", $"{name} must not be blank.", Input.Field(name));
        }

        return text.Length > max ? throw new DomainException("TOO_LONG", $"{name} is longer than {max} characters.", Input.Field(name)) : text;
    }
}
