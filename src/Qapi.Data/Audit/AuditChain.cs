using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Qapi.Data.Entities;

namespace Qapi.Data.Audit;

/// <summary>How an audit entry's hash is computed: SHA-256 over the previous hash and every field, hex.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string HashOf(
        string previousHash, long id, long timestamp, string actor, string action, string accountId,
        string objectId, string detail)
    {
        var text = string.Join('\n', previousHash, id.ToString(CultureInfo.InvariantCulture),
            timestamp.ToString(CultureInfo.InvariantCulture), actor, action, accountId, objectId, detail);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string HashOf(AuditEntry e) =>
        HashOf(e.PreviousHash, e.Id, e.Timestamp, e.Actor, e.Action, e.AccountId, e.ObjectId, e.Detail);
}
