using Qapi.Client.Models;
using Qapi.Core.Accounts;

namespace Qapi.Server.ReadOnly;

/// <summary>How organization roles show as the spec's fund member permissions.</summary>
internal static class FundRoles
{
    public static FundPermissions PermissionsOf(MemberRole role) => role switch
    {
        MemberRole.Administrator => new FundPermissions(Custodian: true, FundManager: true, Trader: true),
        MemberRole.FundOrganizer => new FundPermissions(Custodian: false, FundManager: true, Trader: false),
        MemberRole.Approver => new FundPermissions(Custodian: true, FundManager: false, Trader: false),
        _ => new FundPermissions(Custodian: false, FundManager: false, Trader: true),
    };
}
