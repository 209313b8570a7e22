using Qapi.Client;
using Qapi.Client.Models.Admin;
using Qapi.Data.Admin;
using Qapi.Data.Services;

namespace Qapi.Server.Admin;

/// <summary>Signing agents of an account, and approver key enrollment.</summary>
internal static class ApproverAdminEndpoints
{
    public static void MapApproverAdminEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapPost("/accounts/{accountId}/agents", CreateAgentAsync)
            .WithName("AdminCreateSigningAgent")
            .Accepts<CreateSigningAgentRequest>("application/json")
            .Produces<SigningAgentInfo>(StatusCodes.Status201Created);
        admin.MapPost("/accounts/{accountId}/approvers/{approverId}/keys", EnrollAsync)
            .WithName("AdminEnrollApproverKey")
            .Accepts<EnrollApproverKeyRequest>("application/json")
            .Produces<ApproverKeyInfo>(StatusCodes.Status201Created);
    }

    private static async Task<IResult> CreateAgentAsync(
        HttpContext context, AdminAuthorizer authorizer, ApproverService approvers, string accountId,
        CancellationToken cancellationToken)
    {
        var caller = context.Principal();
        await authorizer.RequireAsync(caller, accountId, AdminCapability.ManagePolicies, cancellationToken);
        var request = AdminBody.Read(context, QapiJsonContext.Default.CreateSigningAgentRequest);
        var name = AccountFields.Name(request.Name, "name");
        var agent = await approvers.CreateSigningAgentAsync(accountId, name, cancellationToken);

        AdminLog.SigningAgentCreated(AdminLog.For(context), agent.Id, accountId, caller.PersonId);
        return TypedResults.Created($"{AdminApi.BasePath}/accounts/{accountId}/agents/{agent.Id}",
            new SigningAgentInfo(agent.Id, agent.Name, accountId, agent.CreatedAt));
    }

    private static async Task<IResult> EnrollAsync(
        HttpContext context, ApproverEnrollment enrollment, string accountId, string approverId,
        CancellationToken cancellationToken)
    {
        var caller = context.Principal();
        var request = AdminBody.Read(context, QapiJsonContext.Default.EnrollApproverKeyRequest);
        var key = await enrollment.EnrollAsync(caller, accountId, approverId, request.PublicKey, cancellationToken);

        AdminLog.ApproverKeyEnrolled(AdminLog.For(context), key.Id, approverId, accountId, caller.PersonId);
        return TypedResults.Created($"{AdminApi.BasePath}/accounts/{accountId}/approvers/{approverId}/keys",
            new ApproverKeyInfo(key.Id, approverId, key.PublicKey, key.CreatedAt));
    }
}
