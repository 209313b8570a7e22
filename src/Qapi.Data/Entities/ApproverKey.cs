namespace Qapi.Data.Entities;

/// <summary>
/// The enrolled public key of an approver (a person's or a signing agent's account). Approvals and rejections
/// are signatures by this key; a member has at most one active key.
/// </summary>
public sealed class ApproverKey
{
    public required string Id { get; init; }
    public required string MemberId { get; init; }

    /// <summary>secp256k1 compressed public key, hex.</summary>
    public required string PublicKey { get; init; }

    public long CreatedAt { get; init; }
    public long? RevokedAt { get; set; }
}
