namespace Spm.Infrastructure.Ingest;

/// <summary>One input row's fields as text, before any conversion; both file formats fill it.</summary>
internal sealed class RawSale
{
    public string? Action { get; set; }

    public string? Source { get; set; }

    public string? ExternalId { get; set; }

    public string? Amount { get; set; }

    public decimal? AmountNumber { get; set; }

    public string? Currency { get; set; }

    public string? CloseDate { get; set; }

    public string? AccountId { get; set; }

    public string? Product { get; set; }

    public string? Segment { get; set; }

    public string? OwnerParticipantId { get; set; }

    public List<(string? ParticipantId, string? SplitPercent, decimal? SplitNumber)> CoSellers { get; } = [];
}
