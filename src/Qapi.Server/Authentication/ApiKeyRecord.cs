using Qapi.Core.Accounts;
using Qapi.Core.Keys;

namespace Qapi.Server.Authentication;

/// <summary>What authentication reads of a key row.</summary>
internal sealed record ApiKeyRecord(
    string Id,
    string AccountId,
    AccountKind AccountKind,
    string EncryptedSecret,
    ApiKeyPermissions Permissions,
    long? ExpiresAt,
    long? RevokedAt,
    List<string> WalletIds,
    string? HolderId);
