namespace Spm.Domain.Territories;

/// <summary>How a participant covers a territory.</summary>
public enum TerritoryRole
{
    /// <summary>Owns the territory's accounts; primary splits on one day add up to at most 100 %.</summary>
    Primary,

    /// <summary>A specialist credited alongside the primary owners (product or industry overlay).</summary>
    Overlay,
}
