using Qapi.Core.Wallets;

namespace Qapi.Data.Entities;

/// <summary>A wallet of one asset in a fund, with its running balance.</summary>
public sealed class Wallet
{
    public required string Id { get; init; }
    public required string FundId { get; init; }
    public required string AccountId { get; init; }
    public required string Name { get; set; }
    public WalletType Type { get; init; }
    public required string Asset { get; init; }
    public required string Address { get; init; }

    /// <summary>The BIP-44 index its key derives from; unique within the account.</summary>
    public int DerivationIndex { get; init; }

    /// <summary>
    /// The wallet's private key, derived from the seed at creation and encrypted under the key-encryption key,
    /// so signing need not run the seed's key stretching; the seed re-creates it on restore.
    /// </summary>
    public string EncryptedKey { get; set; } = "";

    public string Status { get; set; } = "ready";
    public required string ShortCode { get; init; }

    /// <summary>Overrides the fund's transaction policy when set.</summary>
    public string? TxPolicyId { get; set; }

    /// <summary>Overrides the fund's withdrawal policy when set.</summary>
    public string? WithdrawPolicyId { get; set; }

    /// <summary>Settled balance in the asset's base units; changes only together with a ledger entry.</summary>
    public long Available { get; set; }

    public long PendingIn { get; set; }
    public long PendingOut { get; set; }
    public long CreatedAt { get; init; }
    public Fund? Fund { get; init; }
    public Policy? TxPolicy { get; init; }
    public Policy? WithdrawPolicy { get; init; }
}
