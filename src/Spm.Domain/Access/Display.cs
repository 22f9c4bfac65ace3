using Spm.Domain.Common;
using Spm.Domain.Organisation;

namespace Spm.Domain.Access;

/// <summary>
/// An office TV screen paired through the device flow. It may show only the boards it was
/// paired for; unpairing is final (a screen pairs again as a new display).
/// </summary>
public sealed class Display : ITenantOwned
{
    public const int MaxBoards = 50;
    public const int MaxBoardLength = 100;

    public Display(Guid id, Guid tenantId, string name, IEnumerable<string> allowedBoards, string pairedBy, DateTimeOffset pairedAt, string authorizationId)
    {
        Id = id;
        TenantId = tenantId;
        Name = Guard.NotBlank(name, "name", 100);
        boards = [.. NormaliseBoards(allowedBoards)];
        PairedBy = Guard.NotBlank(pairedBy, "pairedBy", 200);
        PairedAt = pairedAt;
        AuthorizationId = Guard.NotBlank(authorizationId, "authorizationId", 100);
    }

    // Stored as a text[] column; exposed read-only.
    private readonly string[] boards = [];

    // For EF Core.
    private Display()
    {
        Name = PairedBy = AuthorizationId = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Leaderboard and contest keys the screen may show, in the order given, without duplicates.</summary>
    public IReadOnlyList<string> AllowedBoards => boards;

    /// <summary>Subject (user id) of the manager or admin who paired it.</summary>
    public string PairedBy { get; private set; }

    public DateTimeOffset PairedAt { get; private set; }

    /// <summary>When an admin unpaired it; null while paired.</summary>
    public DateTimeOffset? UnpairedAt { get; private set; }

    /// <summary>The OpenIddict authorization every token of the screen derives from; revoking it ends them all.</summary>
    public string AuthorizationId { get; private set; }

    public bool IsPaired => UnpairedAt is null;

    public void Unpair(DateTimeOffset at)
    {
        if (UnpairedAt is not null)
        {
            throw new DomainException("CONFLICT", "The display is already unpaired.", "id");
        }

        UnpairedAt = at;
    }

    /// <summary>Trims, drops blanks and duplicates; refuses too many or too long keys (field "allowedBoards").</summary>
    public static IReadOnlyList<string> NormaliseBoards(IEnumerable<string> boards)
    {
        ArgumentNullException.ThrowIfNull(boards);
        var result = new List<string>();
        foreach (var board in boards.Select(b => b?.Trim() ?? string.Empty).Where(b => b.Length > 0))
        {
            if (board.Length > MaxBoardLength)
            {
                throw new DomainException("TOO_LONG", $"Board key '{board[..20]}...' is longer than {MaxBoardLength} characters.", "allowedBoards");
            }

            if (!result.Contains(board, StringComparer.Ordinal))
            {
                result.Add(board);
            }
        }

        return result.Count switch
        {
            0 => throw new DomainException("REQUIRED", "Choose at least one leaderboard or contest the screen may show.", "allowedBoards"),
            > MaxBoards => throw new DomainException("TOO_MANY", $"A screen may show at most {MaxBoards} boards.", "allowedBoards"),
            _ => result,
        };
    }
}
