using Qapi.Core.Accounts;

namespace Qapi.Data.Services;

/// <summary>
/// What to re-create from a mnemonic on a store that does not hold the account: the account, and its first
/// <see cref="Wallets"/> wallets (indexes 0, 1, ...) of one asset in a fund named "Restored".
/// </summary>
/// <param name="Kind">Personal or organization.</param>
/// <param name="Name">An organization's name, or a person's "first last" name.</param>
/// <param name="Email">The account's email.</param>
/// <param name="Username">A personal account's username; null for an organization.</param>
/// <param name="Approvers">
/// An organization's fund approvers: ids or usernames of personal accounts already in the store, who become
/// members with the Approver role. Empty for a personal account, whose owner approves.
/// </param>
/// <param name="Administrators">
/// An organization's administrators: ids or usernames of personal accounts already in the store, who become
/// active members with the Administrator role (also when named as approvers), so that someone can manage its
/// members, policies and keys. At least one for an organization; empty for a personal account, whose owner
/// administers it.
/// </param>
/// <param name="Asset">The asset of every restored wallet.</param>
/// <param name="Wallets">How many wallets to re-create; at least as many as <see cref="ExpectedAddresses"/>.</param>
/// <param name="ExpectedAddresses">
/// The addresses the first wallets had, in index order. The mnemonic must derive them: that is what tells the
/// account's own mnemonic from any other valid one.
/// </param>
public sealed record AccountRestore(
    AccountKind Kind,
    string Name,
    string Email,
    string? Username,
    IReadOnlyList<string> Approvers,
    IReadOnlyList<string> Administrators,
    string Asset,
    int Wallets,
    IReadOnlyList<string> ExpectedAddresses);
