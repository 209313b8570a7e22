namespace Qapi.Data.Transactions;

/// <summary>How Web3 transactions are handled in this environment.</summary>
public sealed class Web3Options
{
    /// <summary>Whether only testnet chains may be signed for.</summary>
    public bool Sandbox { get; set; } = true;

    /// <summary>How long a transaction may wait for its approvals before it expires.</summary>
    public TimeSpan ApprovalWindow { get; set; } = TimeSpan.FromHours(24);
}
