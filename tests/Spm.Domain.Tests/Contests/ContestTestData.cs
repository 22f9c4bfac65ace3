using Spm.Domain.Contests;
using Spm.Domain.Live;

namespace Spm.Domain.Tests.Contests;

/// <summary>Ids and a valid definition to vary per test.</summary>
internal static class ContestTestData
{
    public static readonly Guid Tenant = Guid.Parse("00000000-0000-0000-0000-0000000000aa");
    public static readonly Guid Ann = Guid.Parse("00000000-0000-0000-0000-000000000001");
    public static readonly Guid Bob = Guid.Parse("00000000-0000-0000-0000-000000000002");
    public static readonly Guid Cat = Guid.Parse("00000000-0000-0000-0000-000000000003");
    public static readonly Guid Dan = Guid.Parse("00000000-0000-0000-0000-000000000004");
    public static readonly Guid Red = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    public static readonly Guid Blue = Guid.Parse("00000000-0000-0000-0000-0000000000f2");
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Start = new(2027, 3, 2, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset End = new(2027, 4, 1, 0, 0, 0, TimeSpan.Zero);

    public static ContestDefinition Definition(ContestFormat format = ContestFormat.TopN) => new(
        "march-madness", "March Madness", format, LiveMetric.CreditedRevenue, Start, End,
        Goal: null, BaselineStart: null, BaselineEnd: null, ContestScope.Company, ScopeTeamId: null,
        ParticipantIds: [], TeamIds: [], Pairs: [], Prizes: ["Weekend in Lisbon", "Headphones", "Lunch"], Hidden: false);

    public static Contest Create(ContestDefinition definition) => new(Guid.Parse("00000000-0000-0000-0000-0000000000c1"), Tenant, definition, Now);

    public static string Name(Guid id) =>
        id == Ann ? "Ann" : id == Bob ? "Bob" : id == Cat ? "Cat" : id == Dan ? "Dan" : id == Red ? "Red team" : id == Blue ? "Blue team" : id.ToString();
}
