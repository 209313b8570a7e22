using Qapi.Core.Accounts;
using Qapi.Core.Keys;

namespace Qapi.Server.Authentication;

/// <summary>Who signed the request: the key, its account, its permissions and, if narrowed, its wallets.</summary>
public sealed record ApiCaller(
    string KeyId,
    string AccountId,
    AccountKind AccountKind,
    ApiKeyPermissions Permissions,
    IReadOnlySet<string>? WalletScope)
{
    /// <summary>Whether the key may act on the wallet (an account-wide key covers every wallet).</summary>
    public bool Covers(string walletId) => WalletScope is null || WalletScope.Contains(walletId);
}
