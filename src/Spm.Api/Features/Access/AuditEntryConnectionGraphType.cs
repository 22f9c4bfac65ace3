using Spm.Api.Features.Relay;
using Spm.Domain.Audit;

namespace Spm.Api.Features.Access;

/// <summary>A page of audit entries.</summary>
public sealed class AuditEntryConnectionGraphType() : ConnectionGraphType<AuditEntryGraphType, AuditEntry>("AuditEntry", "audit entries, newest first");
