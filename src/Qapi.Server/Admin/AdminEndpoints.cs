using Qapi.Server.Admin.Audit;
using Qapi.Server.Admin.Keys;

namespace Qapi.Server.Admin;

/// <summary>Maps every admin API endpoint; each area has its own file.</summary>
internal static class AdminEndpoints
{
    public static void MapAdminEndpoints(this WebApplication app)
    {
        app.MapSignupEndpoint();
        var admin = app.MapAdminGroup();
        admin.MapKeyEndpoints();
        admin.MapAuditEndpoints();
        admin.MapMeEndpoints();
        admin.MapOrganizationEndpoints();
        admin.MapAccountProfileEndpoints();
        admin.MapMemberEndpoints();
        admin.MapTrustedPartyAdminEndpoints();
        admin.MapApproverAdminEndpoints();
        admin.MapFundAdmin();
        admin.MapWalletAdmin();
        admin.MapPolicyAdmin();
        admin.MapAllowlistAdmin();
        admin.MapRpcNetworkAdmin();
        admin.MapFaucetAdmin();
    }
}
