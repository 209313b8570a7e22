namespace Qapi.Data.Transactions;

/// <summary>Who proposes a transaction: an API key of an account, possibly narrowed to some wallets.</summary>
public sealed record TransactionRequester(string AccountId, string KeyId, IReadOnlySet<string>? WalletScope)
{
    public bool Covers(string walletId) => WalletScope is null || WalletScope.Contains(walletId);
}
