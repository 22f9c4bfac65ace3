using Spm.Domain.Common;

namespace Spm.Domain.Organisation;

/// <summary>One customer organisation. Everything else belongs to exactly one tenant.</summary>
public sealed class Tenant
{
    public Tenant(Guid id, string name, string slug, string timeZone, string reportingCurrency, int fiscalYearStartMonth)
    {
        Id = id;
        Name = Guard.NotBlank(name, nameof(name), 200);
        Slug = Guard.NotBlank(slug, nameof(slug), 64);
        TimeZone = timeZone;
        ReportingCurrency = CurrencyCode.Require(reportingCurrency, nameof(reportingCurrency));
        FiscalYearStartMonth = FiscalCalendar.RequireStartMonth(fiscalYearStartMonth);
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>Short unique handle (used in URLs and sign-in), lower case.</summary>
    public string Slug { get; private set; }

    /// <summary>IANA time zone id: windows such as "today" are cut in this zone.</summary>
    public string TimeZone { get; private set; }

    public string ReportingCurrency { get; private set; }

    public int FiscalYearStartMonth { get; private set; }

    public FiscalCalendar Calendar => new(FiscalYearStartMonth);
}
