using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.AspNetCore.Authorization;

namespace Spm.Api.Auth;

/// <summary>Wires <see cref="AccessMatrix"/> into ASP.NET Core policies and GraphQL field metadata.</summary>
public static class CapabilityAuthorization
{
    /// <summary>One policy per capability; the GraphQL authorization rule and the hub evaluate them.</summary>
    public static AuthorizationBuilder AddCapabilityPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var capability in Enum.GetValues<Capability>())
        {
            builder.AddPolicy(AccessMatrix.Policy(capability), p => p.RequireAssertion(c => AccessMatrix.Allows(c.User, capability)));
        }

        return builder;
    }

    /// <summary>Tags the field with the capability it needs; the transport refuses the field otherwise.</summary>
    public static FieldBuilder<TSource, TReturn> Requires<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, Capability capability)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.AuthorizeWithPolicy(AccessMatrix.Policy(capability));
    }

    /// <summary>Tags an already built field (e.g. from <c>AddField</c>) with its capability.</summary>
    public static FieldType Requires(this FieldType field, Capability capability)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.AuthorizeWithPolicy(AccessMatrix.Policy(capability));
        return field;
    }

    /// <summary>The capability a field was tagged with, or null (used by the access matrix test).</summary>
    public static Capability? CapabilityOf(IFieldType field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var policy = field.GetPolicies()?.SingleOrDefault(p => p.StartsWith("spm:", StringComparison.Ordinal));
        return policy is not null && Enum.TryParse<Capability>(policy["spm:".Length..], out var capability) ? capability : null;
    }
}
