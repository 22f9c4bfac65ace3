using Microsoft.Extensions.DependencyInjection;
using Spm.Api.Auth;
using Spm.Api.Features.Access;
using Spm.Api.Features.Compensation;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Api.Tests.Infrastructure;
using Spm.Domain.Access;

namespace Spm.Api.Tests.Access;

/// <summary>node(id:) answers only for types the caller's capability covers, in the caller's own tenant.</summary>
public sealed class NodeCapabilityTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public void Every_node_type_declares_its_capability()
    {
        var nodes = fixture.Api.Services.GetRequiredService<NodeRegistry>();

        Assert.Equal(Capability.ManageAccess, nodes.Capabilities[DisplayGraphType.TypeName]);
        Assert.Equal(Capability.ManageAccess, nodes.Capabilities[ClientGraphType.TypeName]);
        Assert.Equal(Capability.ReadOrganisation, nodes.Capabilities[ParticipantGraphType.TypeName]);
        // Compensation: the capability of each type's own query (disputes also apply the earnings row rule).
        Assert.Equal(Capability.ManageCompensation, nodes.Capabilities[CompPlanGraphType.TypeName]);
        Assert.Equal(Capability.ManageCompensation, nodes.Capabilities[CompPlanVersionGraphType.TypeName]);
        Assert.Equal(Capability.ManageCompensation, nodes.Capabilities[CompPlanAssignmentGraphType.TypeName]);
        Assert.Equal(Capability.ManageCompensation, nodes.Capabilities[CalculationRunGraphType.TypeName]);
        Assert.Equal(Capability.ReadEarnings, nodes.Capabilities[DisputeGraphType.TypeName]);
        Assert.Equal(Capability.ManagePayouts, nodes.Capabilities[PayoutGraphType.TypeName]);
    }

    [Fact]
    public async Task A_caller_without_the_types_capability_gets_null_as_if_it_did_not_exist()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 1);
        var display = new Display(Guid.CreateVersion7(), org.TenantId, "Lobby", ["board"], "someone", DateTimeOffset.UtcNow, "authorization-" + Guid.NewGuid().ToString("N"));
        await using (var db = fixture.CreateContext(org.TenantId))
        {
            db.Displays.Add(display);
            await db.SaveChangesAsync();
        }

        var displayId = GlobalId.Encode(DisplayGraphType.TypeName, display.Id);
        var repId = GlobalId.Encode(ParticipantGraphType.TypeName, org.RepIds[0]);
        var query = $"{{ display: node(id: \"{displayId}\") {{ id }} rep: node(id: \"{repId}\") {{ id }} }}";

        var asAdmin = await fixture.Api.ClientFor(org.TenantId, "admin").DataAsync(query);
        var asManager = await fixture.Api.ClientFor(org.TenantId, "manager").DataAsync(query);
        var asDisplay = await fixture.Api.ClientFor(org.TenantId, "display").DataAsync(query);

        Assert.Equal(displayId, asAdmin["display"]!["id"]!.GetValue<string>());
        Assert.Equal(repId, asAdmin["rep"]!["id"]!.GetValue<string>());
        Assert.Null(asManager["display"]);
        Assert.Equal(repId, asManager["rep"]!["id"]!.GetValue<string>());
        Assert.Null(asDisplay["display"]);
        Assert.Null(asDisplay["rep"]);
    }
}
