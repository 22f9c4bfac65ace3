using System.Reflection;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Spm.Api.Auth;
using Spm.Api.Tests.Infrastructure;

namespace Spm.Api.Tests.Access;

/// <summary>Checks the schema and the hubs against <see cref="AccessMatrixTable"/>, and enforces it role by role.</summary>
public sealed class AccessMatrixTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    /// <summary>Global ids of nothing: the matrix tests access, not data.</summary>
    private static readonly Dictionary<string, string> NoIds = new(StringComparer.Ordinal)
    {
        ["participant"] = "UGFydGljaXBhbnQ6MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA",
        ["team"] = "none",
        ["period"] = "none",
        ["tenant"] = "none",
        ["display"] = "none",
        ["client"] = "none",
    };

    [Fact]
    public void Every_root_field_and_hub_method_is_in_the_table_and_every_row_exists()
    {
        var schema = Schema();
        var actual = RootFields(schema).Select(f => $"{f.Operation} {f.Field.Name}")
            .Concat(HubMethods().Select(m => $"hub {m.DeclaringType!.Name}.{m.Name}"))
            .Order(StringComparer.Ordinal).ToList();
        var listed = AccessMatrixTable.Rows.Select(r => r.ToString()).Order(StringComparer.Ordinal).ToList();

        var missing = actual.Except(listed, StringComparer.Ordinal).ToList();
        var stale = listed.Except(actual, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Add these to AccessMatrixTable: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "These rows of AccessMatrixTable no longer exist: " + string.Join(", ", stale));
        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_root_field_carries_exactly_one_capability()
    {
        foreach (var (operation, field) in RootFields(Schema()))
        {
            var policies = field.GetPolicies() ?? [];
            Assert.True(policies.Count == 1 && CapabilityAuthorization.CapabilityOf(field) is not null,
                $"{operation} {field.Name} must be tagged with exactly one capability (.Requires(Capability.X)); it has: {string.Join(", ", policies)}");
        }
    }

    [Fact]
    public void Every_hub_method_requires_one_capability_held_by_the_roles_in_the_table()
    {
        foreach (var method in HubMethods())
        {
            var row = AccessMatrixTable.Rows.Single(r => r.Operation == "hub" && r.Field == $"{method.DeclaringType!.Name}.{method.Name}");
            var policies = method.GetCustomAttributes<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>().Select(a => a.Policy).OfType<string>().ToList();
            Assert.True(policies.Count == 1, $"{row} must carry exactly one [Authorize(Policy = AccessMatrix.Policy(...))].");
            var capability = Enum.Parse<Capability>(policies[0]["spm:".Length..]);
            Assert.Equal(row.AllowedRoles.Order(StringComparer.Ordinal), AccessMatrix.Rules[capability].Roles.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Each_role_is_allowed_or_denied_exactly_as_the_table_says()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 1);
        var wrong = new List<string>();
        foreach (var row in AccessMatrixTable.Rows.Where(r => r.Operation is "query" or "mutation"))
        {
            foreach (var role in SpmRoles.All)
            {
                using var client = fixture.Api.ClientFor(org.TenantId, role);
                var response = await client.QueryAsync(row.With(NoIds));
                var denied = IsDenied(response);
                var expected = !row.AllowedRoles.Contains(role, StringComparer.Ordinal);
                if (denied != expected)
                {
                    wrong.Add($"{row} as {role}: expected {(expected ? "denied" : "allowed")}, got {response.ToJsonString()}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task A_role_without_the_scope_is_denied()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 1);
        using var narrowed = fixture.Api.ClientFor(org.TenantId, "admin");
        narrowed.DefaultRequestHeaders.Add("X-Test-Scopes", "spm.read");

        var clients = await narrowed.QueryAsync("{ clients { id } }");
        var tenant = await narrowed.QueryAsync("{ tenant { id } }");

        // clients needs ManageAccess, which needs spm.admin on top of the admin role.
        Assert.True(IsDenied(clients), clients.ToJsonString());
        Assert.False(IsDenied(tenant), tenant.ToJsonString());
    }

    internal static bool IsDenied(JsonNode response) =>
        response["errors"] is JsonArray errors && errors.Any(e => e?["extensions"]?["code"]?.GetValue<string>() == "ACCESS_DENIED");

    private ISchema Schema()
    {
        var schema = fixture.Api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema;
    }

    private static IEnumerable<(string Operation, FieldType Field)> RootFields(ISchema schema) =>
        schema.Query.Fields.Select(f => ("query", f))
            .Concat(schema.Mutation?.Fields.Select(f => ("mutation", f)) ?? [])
            .Concat(schema.Subscription?.Fields.Select(f => ("subscription", f)) ?? []);

    /// <summary>Public methods clients can invoke on every hub of the API (lifecycle overrides excluded).</summary>
    private static IEnumerable<MethodInfo> HubMethods() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(Hub).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync)));
}
