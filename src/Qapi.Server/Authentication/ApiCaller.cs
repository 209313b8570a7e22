using Qapi.Core.Accounts;
using Qapi.Core.Keys;

namespace Qapi.Server.Authentication;

/// <summary>
/// Who signed the request: the key, its account, its permissions, if narrowed its wallets, and who holds it.
/// </summary>
public sealed record ApiCaller(
    string KeyId,
    string AccountId,
    AccountKind AccountKind,
    ApiKeyPermissions Permissions,
    IReadOnlySet<string>? WalletScope,
    string? HolderId = null)
{
    /// <summary>
    /// The person acting through the key: a personal account's owner, or the member an organization's key was
    /// issued to. Null for keys made by the operator, which act for the account as a whole.
    /// </summary>
    public string? PersonId => AccountKind == AccountKind.Personal ? AccountId : HolderId;

    /// <summary>Whether the key may act on the wallet (an account-wide key covers every wallet).</summary>
    public bool Covers(string walletId) => WalletScope is null || WalletScope.Contains(walletId);
}
