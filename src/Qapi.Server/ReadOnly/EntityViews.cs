using Qapi.Client.Models;
using Qapi.Core.Accounts;
using Qapi.Data.Entities;

namespace Qapi.Server.ReadOnly;

/// <summary>Maps stored accounts and policies to the spec's <c>Entity</c> and <c>Policy</c> shapes.</summary>
internal static class EntityViews
{
    public static EntityInfo Entity(Account account, string? owner = null)
    {
        var isPerson = account.Kind == AccountKind.Personal;
        return new EntityInfo(
            account.Id,
            AccountCode: account.Id[^8..],
            Address: account.Address ?? "",
            Initials: Initials(account),
            Name: account.Name,
            Owner: account.OwnerId ?? owner ?? "",
            Type: account.Kind switch
            {
                AccountKind.Personal => "user",
                AccountKind.SigningAgent => "core-client",
                _ => "company",
            },
            User: isPerson
                ? new EntityUser(account.FirstName ?? "", account.LastName ?? "", account.Email,
                    account.Username ?? "", account.PartnerApi)
                : null,
            Company: account.Kind == AccountKind.Organization ? new EntityCompany(account.Name) : null);
    }

    public static PolicyInfo Policy(Policy policy, IReadOnlyList<string> fundIds, int walletCount)
    {
        var members = policy.Members
            .Where(m => m.Member is not null)
            .Select(m => new PolicyMemberInfo(false, [Entity(m.Member!, policy.AccountId)]))
            .ToList();
        return new PolicyInfo(policy.Id, policy.Name, policy.AccountId, policy.Threshold, members.Count, members,
            fundIds, fundIds.Count, walletCount > 0 ? walletCount : null, DedicatedWalletCount: null,
            Locked: false, LockedTxId: "");
    }

    private static string Initials(Account account)
    {
        var parts = account.Kind == AccountKind.Personal
            ? new[] { account.FirstName, account.LastName }
            : account.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Where(p => !string.IsNullOrEmpty(p)).Take(2)
            .Select(p => char.ToUpperInvariant(p![0])));
    }
}
