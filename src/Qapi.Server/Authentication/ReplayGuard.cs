using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qapi.Data;

namespace Qapi.Server.Authentication;

/// <summary>
/// Refuses a state-changing request whose signature was already accepted. The record lives in the shared
/// database under a primary key, so the refusal holds across every server node.
/// </summary>
internal static class ReplayGuard
{
    public static bool IsStateChanging(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method)
        || HttpMethods.IsDelete(method);

    /// <summary>Records the signature; false when it was recorded before.</summary>
    public static Task<bool> TryRecordAsync(
        QapiDbContext db, StoreWriteGate gate, string keyId, string signature, long expiresAt,
        CancellationToken cancellationToken)
    {
        // Hash the signature in its decoded form, so that re-encoding it (padding, alphabet) is still a replay.
        Qapi.Core.Protocol.Base64Text.TryDecodeAnyAlphabet(signature, out var signatureBytes);
        return TryRecordBytesAsync(db, gate, keyId, signatureBytes, expiresAt, cancellationToken);
    }

    /// <summary>
    /// Records decoded signature bytes under a scope (an API key's id, or a prefixed id for another kind of key);
    /// false when they were recorded before.
    /// </summary>
    public static async Task<bool> TryRecordBytesAsync(
        QapiDbContext db, StoreWriteGate gate, string scope, byte[] signatureBytes, long expiresAt,
        CancellationToken cancellationToken)
    {
        var material = Encoding.UTF8.GetBytes(scope + ":").Concat(signatureBytes).ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(material));

        // One statement, no change tracking, no exception for a replay: the primary key decides, and a row that is
        // already there makes it insert nothing. Both dialects (SQLite 3.24+, PostgreSQL 9.5+) take ON CONFLICT.
        using var turn = await gate.EnterAsync(cancellationToken);
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "UsedSignatures" ("Hash", "ExpiresAt") VALUES ({hash}, {expiresAt})
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
        return inserted == 1;
    }
}
