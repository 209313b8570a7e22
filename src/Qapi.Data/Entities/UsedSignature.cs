namespace Qapi.Data.Entities;

/// <summary>
/// A state-changing request's signature already accepted, kept until its timestamp leaves the window. The primary
/// key makes a replay fail on every server node sharing the database.
/// </summary>
public sealed class UsedSignature
{
    public required string Hash { get; init; }
    public long ExpiresAt { get; init; }
}
