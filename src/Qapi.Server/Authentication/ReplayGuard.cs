using System.Security.Cryptography;
using System.Text;
using Qapi.Data;

namespace Qapi.Server.Authentication;

/// <summary>
/// Refuses a state-changing request whose signature was already accepted. The record lives in the shared
/// database under a primary key, so the refusal holds across every server node. An endpoint marked with
/// <see cref="ReplayRecordInTransaction"/> writes the record in its own write transaction instead
/// (<see cref="ReplayRecord"/>); the guard then only checks that the signature is new.
/// </summary>
internal static class ReplayGuard
{
    public static bool IsStateChanging(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method)
        || HttpMethods.IsDelete(method);

    /// <summary>The hash an API key's signature is recorded under.</summary>
    public static string HashOf(string keyId, string signature)
    {
        // Hash the signature in its decoded form, so that re-encoding it (padding, alphabet) is still a replay.
        Qapi.Core.Protocol.Base64Text.TryDecodeAnyAlphabet(signature, out var signatureBytes);
        return HashOf(keyId, signatureBytes);
    }

    /// <summary>
    /// The hash decoded signature bytes are recorded under, in a scope (an API key's id, or a prefixed id for
    /// another kind of key).
    /// </summary>
    public static string HashOf(string scope, byte[] signatureBytes)
    {
        var material = Encoding.UTF8.GetBytes(scope + ":").Concat(signatureBytes).ToArray();
        return Convert.ToHexStringLower(SHA256.HashData(material));
    }

    /// <summary>
    /// Records the signature now, or, for an endpoint that writes it in its own transaction, checks that it is new
    /// and leaves it to that transaction; false when it was recorded before.
    /// </summary>
    public static async Task<bool> AcceptAsync(
        HttpContext context, QapiDbContext db, StoreWriteGate gate, string hash, long expiresAt)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ReplayRecordInTransaction>() is not null)
        {
            var queries = context.RequestServices.GetRequiredService<CompiledQueries>();
            if (await queries.ReplayRecordExistsAsync(db, hash, context.RequestAborted))
            {
                return false;
            }

            context.RequestServices.GetRequiredService<ReplayRecord>().Defer(hash, expiresAt);
            return true;
        }

        using var turn = await gate.EnterAsync(db, context.RequestAborted);
        return await ReplayRecord.InsertAsync(db, hash, expiresAt, context.RequestAborted) == 1;
    }

    /// <summary>
    /// Runs the rest of the pipeline. A concurrent copy of the request that recorded the signature first is
    /// answered with <paramref name="replayed"/>. A deferred record that no transaction committed (the request was
    /// refused, or changed nothing) is written before the answer leaves, or before an exception reaches the
    /// handler that answers it: once a client has its answer, a copy of the request is refused.
    /// </summary>
    public static async Task RunAsync(
        HttpContext context, RequestDelegate next, QapiDbContext db, StoreWriteGate gate, Func<Task> replayed)
    {
        var record = context.RequestServices.GetRequiredService<ReplayRecord>();
        if (!record.IsPending)
        {
            await next(context);
            return;
        }

        context.Response.OnStarting(() => WriteIfPendingAsync(record, db, gate));
        try
        {
            await next(context);
        }
        catch (RequestReplayedException) when (!context.Response.HasStarted)
        {
            await replayed();
        }
        finally
        {
            await WriteIfPendingAsync(record, db, gate);
        }
    }

    // Not the request's token: an aborted request's signature is used up all the same.
    private static Task WriteIfPendingAsync(ReplayRecord record, QapiDbContext db, StoreWriteGate gate) =>
        record.IsPending ? record.WriteAloneAsync(db, gate, CancellationToken.None) : Task.CompletedTask;
}
