using GraphQL;
using GraphQL.Types;
using Spm.Api.Auth;

namespace Spm.Api.Features.Access;

/// <summary>Admin mutations over clients, people's invitations and paired screens.</summary>
public static class AccessMutations
{
    public static void Register(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<CreateClientPayloadGraphType>>("createClient")
            .Requires(Capability.ManageAccess)
            .Description("Registers a partner system or integration for the client-credentials flow. The secret is in the payload once and never again.")
            .Argument<NonNullGraphType<CreateClientInputGraphType>>("input", "The client to create.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<ClientAdministration>().CreateAsync(c.GetArgument<CreateClientInput>("input"), c.CancellationToken));

        mutation.Field<NonNullGraphType<RotateClientSecretPayloadGraphType>>("rotateClientSecret")
            .Requires(Capability.ManageAccess)
            .Description("Replaces a client's secret. The old secret stops working at once; tokens already issued live until they expire.")
            .Argument<NonNullGraphType<RotateClientSecretInputGraphType>>("input", "The client.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<ClientAdministration>().RotateSecretAsync(c.GetArgument<ClientIdInput>("input"), c.CancellationToken));

        mutation.Field<NonNullGraphType<RevokeClientPayloadGraphType>>("revokeClient")
            .Requires(Capability.ManageAccess)
            .Description("Revokes a client for good: it gets no new tokens and the tokens it holds are refused from now on.")
            .Argument<NonNullGraphType<RevokeClientInputGraphType>>("input", "The client.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<ClientAdministration>().RevokeAsync(c.GetArgument<ClientIdInput>("input"), c.CancellationToken));

        mutation.Field<NonNullGraphType<InviteUserPayloadGraphType>>("inviteUser")
            .Requires(Capability.ManageAccess)
            .Description("Creates a user for a participant and returns a single-use link to set a password.")
            .Argument<NonNullGraphType<InviteUserInputGraphType>>("input", "Who to invite.")
            .ResolveAsync(async c =>
            {
                var request = c.RequestServices!.GetRequiredService<IHttpContextAccessor>().HttpContext!.Request;
                var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
                return await c.RequestServices!.GetRequiredService<Invitations>().InviteAsync(c.GetArgument<InviteUserInput>("input"), baseUrl, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<UnpairDisplayPayloadGraphType>>("unpairDisplay")
            .Requires(Capability.ManageAccess)
            .Description("Unpairs an office screen: its tokens are revoked and refused at once. To show boards again, pair it anew.")
            .Argument<NonNullGraphType<UnpairDisplayInputGraphType>>("input", "The screen.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<DisplayPairing>().UnpairAsync(c.GetArgument<UnpairDisplayInput>("input"), c.CancellationToken));
    }
}
