using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Contests;

/// <summary>The definition fields shared by the create and update inputs (required on create only).</summary>
internal static class ContestInputFields
{
    public static void Add(InputObjectGraphType input, bool create)
    {
        Field<StringGraphType>(input, create, "key", "Tenant-unique slug: 2 to 64 lower-case letters, digits or dashes.");
        Field<StringGraphType>(input, create, "title", "Title shown on screens (up to 200 characters).");
        Field<ContestFormatGraphType>(input, create, "format", "How winners are decided.");
        Field<ContestMetricGraphType>(input, create, "metric", "What contestants are ranked by.");
        Field<DateTimeOffsetGraphType>(input, create, "startsAt", "When scoring starts.");
        Field<DateTimeOffsetGraphType>(input, create, "endsAt", "When scoring ends; must be after startsAt and in the future.");
        input.Field<DecimalStringGraphType>("goal").Description("The goal of a RACE_TO_GOAL contest (required there).");
        input.Field<CalendarDateGraphType>("baselineStart").Description("First day of the baseline period (MOST_IMPROVED).");
        input.Field<CalendarDateGraphType>("baselineEnd").Description("Last day of the baseline period (MOST_IMPROVED); before the start.");
        input.Field<ContestScopeGraphType>("scope").Description("Who takes part when no participants are listed (default COMPANY).");
        input.Field<IdGraphType>("scopeTeamId").Description("Global id of the team for scope TEAM.");
        input.Field<ListGraphType<NonNullGraphType<IdGraphType>>>("participantIds").Description("Global ids of the contestants; empty or absent means everyone in scope.");
        input.Field<ListGraphType<NonNullGraphType<IdGraphType>>>("teamIds").Description("Global ids of the competing teams (TEAM_VS_TEAM, at least two).");
        input.Field<ListGraphType<NonNullGraphType<ContestPairInputGraphType>>>("pairs").Description("The pairs (HEAD_TO_HEAD, at least one).");
        input.Field<ListGraphType<NonNullGraphType<StringGraphType>>>("prizes").Description("Prize text per place, first place first (at most 20); non-cash prizes such as a trophy.");
        input.Field<ListGraphType<NonNullGraphType<ContestCashPrizeInputGraphType>>>("cashPrizes").Description("Money per place, paid as AWARD lines on the winners' statements when the contest ends (not for TEAM_VS_TEAM; never for hidden contests).");
        input.Field<BooleanGraphType>("hidden").Description("Test mode: visible to admins only and never pushed to screens (default false).");
    }

    private static void Field<TType>(InputObjectGraphType input, bool required, string name, string description)
        where TType : IGraphType
    {
        if (required)
        {
            input.Field<NonNullGraphType<TType>>(name).Description(description);
        }
        else
        {
            input.Field<TType>(name).Description(description);
        }
    }
}
