namespace Spm.Domain.Organisation;

/// <summary>A stored fiscal period of a tenant, generated from its <see cref="FiscalCalendar"/>.</summary>
public sealed class Period : ITenantOwned
{
    public Period(Guid id, Guid tenantId, PeriodKind kind, int fiscalYear, int number, string name, DateOnly startDate, DateOnly endDate, Guid? parentId)
    {
        Id = id;
        TenantId = tenantId;
        Kind = kind;
        FiscalYear = fiscalYear;
        Number = number;
        Name = name;
        StartDate = startDate;
        EndDate = endDate;
        ParentId = parentId;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public PeriodKind Kind { get; private set; }

    public int FiscalYear { get; private set; }

    public int Number { get; private set; }

    public string Name { get; private set; }

    public DateOnly StartDate { get; private set; }

    /// <summary>Last day of the period, inclusive.</summary>
    public DateOnly EndDate { get; private set; }

    /// <summary>The year of a quarter, the quarter of a month; null for a year.</summary>
    public Guid? ParentId { get; private set; }

    /// <summary>The seventeen periods of one fiscal year, with parents linked.</summary>
    /// <param name="newId">Id source; v7 ids from the clock when omitted.</param>
    public static IReadOnlyList<Period> Generate(Guid tenantId, FiscalCalendar calendar, int fiscalYear, Func<Guid>? newId = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        newId ??= Guid.CreateVersion7;
        var result = new List<Period>(17);
        var year = Create(newId(), tenantId, calendar.Year(fiscalYear), null);
        result.Add(year);
        var quarters = new Period[4];
        for (var q = 1; q <= 4; q++)
        {
            quarters[q - 1] = Create(newId(), tenantId, calendar.Quarter(fiscalYear, q), year.Id);
            result.Add(quarters[q - 1]);
        }

        for (var m = 1; m <= 12; m++)
        {
            result.Add(Create(newId(), tenantId, calendar.Month(fiscalYear, m), quarters[(m - 1) / 3].Id));
        }

        return result;
    }

    private static Period Create(Guid id, Guid tenantId, PeriodDefinition d, Guid? parentId) =>
        new(id, tenantId, d.Kind, d.FiscalYear, d.Number, d.Name, d.Start, d.End, parentId);
}
