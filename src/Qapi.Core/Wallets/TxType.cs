namespace Qapi.Core.Wallets;

/// <summary>The spec's ledger transaction types, with their wire numbers.</summary>
public enum TxType
{
    /// <summary>Withdrawal to an outside address.</summary>
    Withdraw = 1,

    /// <summary>Transfer between Qredo wallets.</summary>
    Transfer = 2,

    /// <summary>Swap.</summary>
    Swap = 3,

    /// <summary>Sweep.</summary>
    Sweep = 4,

    /// <summary>Policy update.</summary>
    UpdatePolicy = 5,

    /// <summary>Deposit from outside.</summary>
    Deposit = 6,

    /// <summary>WalletConnect update.</summary>
    UpdateWalletConnect = 7,

    /// <summary>A transaction signed for an external (Web3) wallet.</summary>
    ExternalSign = 8,
}
