using Qapi.Core.Keys;

namespace Qapi.Server.Admin.Keys;

/// <summary>
/// What a key request asks for. A null property was not given; <see cref="ExpiresGiven"/> tells an explicit
/// <c>"expiresAt": null</c> (no expiry) from a left-out one (unchanged).
/// </summary>
internal sealed record KeyChange(
    string? Name,
    ApiKeyPermissions? Permissions,
    IReadOnlyList<string> Wallets,
    bool ExpiresGiven,
    DateTimeOffset? ExpiresAt)
{
    public bool IsEmpty => Name is null && Permissions is null && !ExpiresGiven;
}
