namespace Qapi.Core.Wallets;

/// <summary>The spec's wallet types, with their wire numbers.</summary>
public enum WalletType
{
    /// <summary>Standard wallet.</summary>
    Standard = 0,

    /// <summary>Dedicated wallet.</summary>
    Dedicated = 1,

    /// <summary>Multi-counterparty wallet.</summary>
    MultiCounterparty = 2,

    /// <summary>Vesting wallet.</summary>
    Vesting = 3,

    /// <summary>External wallet: MMI, WalletConnect, Web3 API wallet.</summary>
    External = 4,

    /// <summary>Fee wallet.</summary>
    Fee = 5,
}
