using Spm.Api.Graph;
using Spm.Infrastructure.Activities;

namespace Spm.Api.Features.Activities;

/// <summary>Kinds of selling activity.</summary>
public sealed class ActivityKindGraphType() : DescribedEnumGraphType<ActivityKind>(
    "ActivityKind",
    "What kind of selling activity was logged.",
    new Dictionary<ActivityKind, string>
    {
        [ActivityKind.Call] = "A phone or video call.",
        [ActivityKind.Email] = "An email sent to a customer.",
        [ActivityKind.Meeting] = "A meeting with a customer.",
        [ActivityKind.Demo] = "A product demonstration.",
        [ActivityKind.Visit] = "An on-site visit.",
    });
