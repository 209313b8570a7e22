using System.Text.Json;
using Qapi.Client;
using Qapi.Client.Models;
using Qapi.Core.Approvals;
using Qapi.Core.Errors;
using Qapi.Data.Transactions;
using Qapi.Server.Authentication;

namespace Qapi.Server.Approvers;

/// <summary>
/// The approvers' channel: the actions awaiting an approver, one with what it would sign, approve (PUT) or reject
/// (DELETE) it, and a WebSocket feed of new ones. Authenticated by the approver's key, never by an API key.
/// </summary>
internal static class ApproverEndpoints
{
    public const string BasePath = "/approver/v1";

    public const string FeedPath = "/feed";

    public static void MapApproverEndpoints(this IEndpointRouteBuilder app)
    {
        var channel = app.MapGroup(BasePath).WithTags("Approvers");
        channel.MapGet("/actions", ListAsync)
            .WithName("ListApproverActions")
            .Produces<ApproverActionsResponse>();
        channel.MapGet("/actions/{tx_id}", GetAsync)
            .WithName("GetApproverAction")
            .Produces<ApproverAction>();
        channel.MapPut("/actions/{tx_id}",
                (HttpContext c, ApprovalService s, string tx_id, CancellationToken t) =>
                    DecideAsync(c, s, tx_id, ApprovalDecision.Approve, t))
            .WritesReplayRecordInTransaction()
            .WithName("ApproveAction")
            .Accepts<ApproverDecisionRequest>("application/json")
            .Produces<ApproverDecisionResponse>();
        channel.MapDelete("/actions/{tx_id}",
                (HttpContext c, ApprovalService s, string tx_id, CancellationToken t) =>
                    DecideAsync(c, s, tx_id, ApprovalDecision.Reject, t))
            .WritesReplayRecordInTransaction()
            .WithName("RejectAction")
            .Accepts<ApproverDecisionRequest>("application/json")
            .Produces<ApproverDecisionResponse>();
        channel.MapGet(FeedPath, (HttpContext context, ApproverFeed feed) => feed.RunAsync(context))
            .WithName("ApproverFeed")
            .ExcludeFromDescription();
    }

    private static async Task<IResult> ListAsync(
        HttpContext context, ApproverInbox inbox, CancellationToken cancellationToken)
    {
        var actions = await inbox.PendingForAsync(ApproverCaller.Of(context).MemberId, cancellationToken);
        return TypedResults.Ok(new ApproverActionsResponse(actions.Count,
            actions.Select(ApproverViews.Action).ToList()));
    }

    private static async Task<IResult> GetAsync(
        HttpContext context, ApproverInbox inbox, string tx_id, CancellationToken cancellationToken)
    {
        var item = await FindAsync(inbox, ApproverCaller.Of(context), tx_id, cancellationToken);
        return TypedResults.Ok(ApproverViews.Action(item));
    }

    private static async Task<IResult> DecideAsync(
        HttpContext context, ApprovalService approvals, string txId, ApprovalDecision decision,
        CancellationToken cancellationToken)
    {
        var caller = ApproverCaller.Of(context);
        var signature = SignatureOf(context.Features.Get<SignedBody>()?.Bytes ?? []);
        // Refuses a transaction whose policy does not name the caller; answers with the progress after the decision.
        var item = await approvals.DecideWithProgressAsync(txId, caller.MemberId, decision, signature,
            cancellationToken);
        return TypedResults.Ok(ApproverViews.Decision(item));
    }

    private static async Task<ApproverTransaction> FindAsync(
        ApproverInbox inbox, ApproverCaller caller, string txId, CancellationToken cancellationToken) =>
        await inbox.FindForAsync(caller.MemberId, txId, cancellationToken)
            ?? throw QapiError.NotFound("transaction_not_found", $"No transaction {txId} awaits this approver.");

    private static string SignatureOf(byte[] body)
    {
        ApproverDecisionRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body, QapiJsonContext.Default.ApproverDecisionRequest);
        }
        catch (JsonException)
        {
            throw QapiError.Invalid("malformed_body",
                """The body must be {"signature": "<hex>"}: the approver's signature over the approval digest.""");
        }

        return request?.Signature is { Length: > 0 } signature
            ? signature
            : throw QapiError.Invalid("signature_required",
                "The body's signature is missing: sign the approval digest of this decision with the approver key.");
    }
}
