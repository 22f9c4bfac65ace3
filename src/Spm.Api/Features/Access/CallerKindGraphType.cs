using Spm.Api.Graph;

namespace Spm.Api.Features.Access;

/// <summary>GraphQL enum of <see cref="CallerKind"/>.</summary>
public sealed class CallerKindGraphType() : DescribedEnumGraphType<CallerKind>(
    "CallerKind",
    "What kind of caller a token belongs to.",
    new Dictionary<CallerKind, string>
    {
        [CallerKind.Person] = "A person signed in through the sign-in page (authorization code flow).",
        [CallerKind.Client] = "A partner system or integration (client credentials).",
        [CallerKind.Display] = "A paired office TV screen (device flow).",
    });
