using Spm.Api.Graph;
using Spm.Domain.Contests;

namespace Spm.Api.Features.Contests;

/// <summary>Contest formats.</summary>
public sealed class ContestFormatGraphType() : DescribedEnumGraphType<ContestFormat>(
    "ContestFormat",
    "How a contest decides its winners.",
    new Dictionary<ContestFormat, string>
    {
        [ContestFormat.TopN] = "The highest scores at the end win, one prize per place; tied contestants share a rank but occupy as many prize places as there are of them and split their cash.",
        [ContestFormat.RaceToGoal] = "First to reach `goal` wins; the finishing order is recorded as contestants cross it.",
        [ContestFormat.TeamVsTeam] = "Teams (with their sub-teams) compete on the sum of their members' scores.",
        [ContestFormat.MostImproved] = "Score during the contest minus score over the baseline period (a difference, not a ratio).",
        [ContestFormat.HeadToHead] = "Fixed pairs of participants; each pair's higher score wins, a draw has no winner.",
    });
