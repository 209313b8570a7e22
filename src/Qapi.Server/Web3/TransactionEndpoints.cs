using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qapi.Client;
using Qapi.Client.Models;
using Qapi.Core.Approvals;
using Qapi.Core.Errors;
using Qapi.Core.Evm;
using Qapi.Core.Keys;
using Qapi.Data;
using Qapi.Data.Transactions;
using Qapi.Server.Authentication;

namespace Qapi.Server.Web3;

/// <summary>The Web3 API: create, read, list approvals of, and cancel transactions.</summary>
internal static class TransactionEndpoints
{
    private const int MaxIdempotencyKeyLength = 255;

    // A field given twice would be read as its last value by this parser and perhaps as its first by a proxy or a
    // log reader in front of it: what approvers see must be what was sent, so a repeated field is refused.
    private static readonly QapiJsonContext StrictJson = new(new System.Text.Json.JsonSerializerOptions(
        QapiJsonContext.Default.Options) { AllowDuplicateProperties = false });

    public static void MapTransactionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/transaction", CreateAsync)
            .RequirePermission(ApiKeyPermissions.Web3)
            .WritesReplayRecordInTransaction()
            .WithName("CreateTransaction").WithTags("Web3 API")
            .Accepts<CreateTransactionRequest>("application/json")
            .Produces<TxInfoResponse>();
        api.MapGet("/transactions/{tx_id}/status", GetStatusAsync)
            .RequirePermission(ApiKeyPermissions.Web3)
            .WithName("GetTransactionStatus").WithTags("Web3 API")
            .Produces<TxInfoResponse>();
        api.MapGet("/transactions/{tx_id}/approvals", GetApprovalsAsync)
            .RequirePermission(ApiKeyPermissions.Web3)
            .WithName("GetTransactionApprovals").WithTags("Web3 API")
            .Produces<TxApprovalsResponse>();
        api.MapDelete("/transactions/{tx_id}", CancelAsync)
            .RequirePermission(ApiKeyPermissions.Web3)
            .WithName("CancelTransaction").WithTags("Web3 API")
            .Produces<TxInfoResponse>();
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, QapiDbContext db, Web3TransactionService transactions,
        CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var body = context.Features.Get<SignedBody>()?.Bytes ?? [];
        var request = Parse(body);
        var idempotencyKey = IdempotencyKey(context.Request);
        var fields = new EvmTransactionFields
        {
            From = request.From,
            To = request.To,
            Value = request.Value,
            GasLimit = request.GasLimit,
            GasPrice = request.GasPrice,
            MaxFeePerGas = request.MaxFeePerGas,
            MaxPriorityFeePerGas = request.MaxPriorityFeePerGas,
            Data = request.Data,
            ChainId = request.ChainId,
            Nonce = request.Nonce,
        };
        var (tx, events) = await transactions.CreateAsync(caller.Requester(), fields, request.Note, idempotencyKey,
            body, cancellationToken);
        return TypedResults.Ok(events is null ? await InfoAsync(db, tx, cancellationToken)
            : TransactionViews.Info(tx, events));
    }

    private static async Task<IResult> GetStatusAsync(
        HttpContext context, QapiDbContext db, string tx_id, CancellationToken cancellationToken)
    {
        var tx = await TransactionAccess.FindAsync(db, context.Caller().Requester(), tx_id, cancellationToken);
        return TypedResults.Ok(await InfoAsync(db, tx, cancellationToken));
    }

    private static async Task<IResult> CancelAsync(
        HttpContext context, QapiDbContext db, Web3TransactionService transactions, string tx_id,
        CancellationToken cancellationToken)
    {
        var tx = await transactions.CancelAsync(context.Caller().Requester(), tx_id, cancellationToken);
        return TypedResults.Ok(await InfoAsync(db, tx, cancellationToken));
    }

    private static async Task<IResult> GetApprovalsAsync(
        HttpContext context, QapiDbContext db, string tx_id, CancellationToken cancellationToken)
    {
        var tx = await TransactionAccess.FindAsync(db, context.Caller().Requester(), tx_id, cancellationToken);
        var approverIds = tx.ApproverIds.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var approvers = await db.Accounts.AsNoTracking().Where(a => approverIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var decisions = await db.Approvals.AsNoTracking().Where(a => a.TxId == tx.Id)
            .ToDictionaryAsync(a => a.MemberId, cancellationToken);

        var list = approverIds.Select(id =>
        {
            var person = approvers[id];
            decisions.TryGetValue(id, out var decision);
            return new TxApprovalInfo(tx.Id, id, decision?.Id.ToString(System.Globalization.CultureInfo
                    .InvariantCulture) ?? "", person.Kind == Core.Accounts.AccountKind.SigningAgent,
                decision is null ? "" : Convert.ToBase64String(Convert.FromHexString(decision.Signature)),
                person.FirstName ?? person.Name, person.LastName ?? "", person.Email, person.Username ?? "",
                ApproverStatus(decision, tx.Status), person.Id[^8..], decision?.CreatedAt ?? 0);
        }).ToList();

        // The spec's total counts the approval responses received, not the approvers listed.
        return TypedResults.Ok(new TxApprovalsResponse(list.Count(a => a.Status is "approved" or "rejected"), list));
    }

    /// <summary>
    /// The spec's UserActionStatus of one approver: their decision, else pending while the transaction takes
    /// decisions, else expired (it ended, or was signed, without their answer; docs/web3.md).
    /// </summary>
    private static string ApproverStatus(Data.Entities.Approval? decision, string transactionStatus) =>
        decision is not null ? (decision.Decision == ApprovalDecision.Approve ? "approved" : "rejected")
        : Core.Transactions.TransactionStatus.IsDecided(transactionStatus) ? "expired"
        : "pending";

    private static async Task<TxInfoResponse> InfoAsync(
        QapiDbContext db, Data.Entities.Web3Transaction tx, CancellationToken cancellationToken)
    {
        var events = await db.TransactionEvents.AsNoTracking().Where(e => e.TxId == tx.Id)
            .OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return TransactionViews.Info(tx, events);
    }

    private static CreateTransactionRequest Parse(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, StrictJson.CreateTransactionRequest)
                ?? throw QapiError.Invalid("body_required", "The body must be a JSON object.");
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? "" : $" at {e.Path}";
            throw QapiError.Invalid("malformed_body",
                $"The body is not a transaction request{where}: a JSON object whose fields are strings, each "
                + "given once.");
        }
    }

    private static string? IdempotencyKey(HttpRequest request)
    {
        var values = request.Headers["Idempotency-Key"];
        if (values.Count == 0)
        {
            return null;
        }

        var key = values.Count == 1 ? values[0] : null;
        return key is { Length: > 0 and <= MaxIdempotencyKeyLength } && key.All(c => c is >= ' ' and <= '~')
            ? key
            : throw QapiError.Invalid("invalid_idempotency_key",
                $"Idempotency-Key must be one printable ASCII value of 1 to {MaxIdempotencyKeyLength} characters.");
    }
}
