using Qapi.Core.Accounts;

namespace Qapi.Data.Admin;

/// <summary>Which organization roles hold each admin capability. A personal account's owner holds them all.</summary>
public static class AdminRoles
{
    public static bool Grants(MemberRole role, AdminCapability capability) => capability switch
    {
        AdminCapability.View => true,
        AdminCapability.ManageFunds or AdminCapability.Faucet =>
            role is MemberRole.Administrator or MemberRole.FundOrganizer,
        _ => role == MemberRole.Administrator,
    };
}
