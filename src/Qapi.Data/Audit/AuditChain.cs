using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Qapi.Data.Entities;

namespace Qapi.Data.Audit;

/// <summary>How an audit entry's hash is computed: SHA-256 over the previous hash and every field, hex.</summary>
// SECURITY(#4): the hash has no key, so whoever can write to the database can recompute the chain after an edit;
// only an anchor kept outside the database (AuditAnchor, `qapi audit verify --expect`) shows that. README, Known
// limitations, and docs/admin-api.md say why it is not keyed with the key-encryption key.
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
