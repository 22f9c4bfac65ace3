namespace Spm.Domain.Live;

/// <summary>
/// What one outbox event adds to one participant's score on one metric. <see cref="Date"/> is the business date
/// in the tenant's time zone (a credit's posting date, a sale's close date, an activity's local date) that decides
/// which windows (day, week, month, quarter, fiscal year, a contest's range) it falls in. When
/// <see cref="IsAbsolute"/> is true the value replaces the score (attainment percent) for <see cref="PeriodId"/>.
/// </summary>
public sealed record MetricContribution(Guid ParticipantId, LiveMetric Metric, decimal Value, DateOnly Date, bool IsAbsolute = false, Guid? PeriodId = null);
