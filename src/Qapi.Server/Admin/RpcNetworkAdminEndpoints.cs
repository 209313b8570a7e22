using Qapi.Client;
using Qapi.Client.Models;
using Qapi.Data.Admin;
using Qapi.Data.Services;

namespace Qapi.Server.Admin;

/// <summary>
/// Admin API: an account's custom RPC networks. The URL is stored but never logged or echoed: answers and the
/// audit show its scheme, host and port only.
/// </summary>
internal static class RpcNetworkAdminEndpoints
{
    public static void MapRpcNetworkAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/accounts/{accountId}/rpcnetworks", ListAsync)
            .WithName("AdminListRpcNetworks").Produces<IReadOnlyList<RpcNetworkResponse>>();
        admin.MapPost("/accounts/{accountId}/rpcnetworks", AddAsync)
            .WithName("AdminAddRpcNetwork").Accepts<RpcNetworkRequest>("application/json")
            .Produces<RpcNetworkResponse>(StatusCodes.Status201Created);
        admin.MapDelete("/accounts/{accountId}/rpcnetworks/{name}", RemoveAsync)
            .WithName("AdminRemoveRpcNetwork").Produces(StatusCodes.Status204NoContent);
    }

    private static async Task<IResult> ListAsync(
        HttpContext context, AdminAuthorizer authorizer, RpcNetworkService networks, string accountId,
        CancellationToken cancellationToken)
    {
        await authorizer.RequireAsync(context.Principal(), accountId, AdminCapability.View, cancellationToken);
        var list = await networks.ListAsync(accountId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RpcNetworkResponse>>(list.Select(FundAdminViews.Network).ToList());
    }

    private static async Task<IResult> AddAsync(
        HttpContext context, AdminAuthorizer authorizer, RpcNetworkService networks, string accountId,
        CancellationToken cancellationToken)
    {
        await authorizer.RequireAsync(context.Principal(), accountId, AdminCapability.ManageAccount,
            cancellationToken);
        var request = AdminBody.Read(context, QapiJsonContext.Default.RpcNetworkRequest);

        var network = await networks.AddAsync(accountId, request.Name, request.ChainId, request.Url,
            cancellationToken);
        FundAdminLog.Changed(context, "account.rpc_network.add", network.Name, accountId);
        return TypedResults.Created(
            $"{AdminApi.BasePath}/accounts/{accountId}/rpcnetworks/{Uri.EscapeDataString(network.Name)}",
            FundAdminViews.Network(network));
    }

    private static async Task<IResult> RemoveAsync(
        HttpContext context, AdminAuthorizer authorizer, RpcNetworkService networks, string accountId,
        string name, CancellationToken cancellationToken)
    {
        await authorizer.RequireAsync(context.Principal(), accountId, AdminCapability.ManageAccount,
            cancellationToken);

        await networks.RemoveAsync(accountId, name, cancellationToken);
        FundAdminLog.Changed(context, "account.rpc_network.remove", name, accountId);
        return TypedResults.NoContent();
    }
}
