using Spm.Api.Features.Relay;
using Spm.Infrastructure.Activities;

namespace Spm.Api.Features.Activities;

/// <summary>A page of activities.</summary>
public sealed class ActivityConnectionGraphType() : ConnectionGraphType<ActivityGraphType, Activity>("Activity", "activities");
