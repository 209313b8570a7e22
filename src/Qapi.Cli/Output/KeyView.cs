using System.Globalization;
using Qapi.Core.Keys;
using Qapi.Data.Entities;

namespace Qapi.Cli.Output;

/// <summary>An API key as the operator commands print it; it has no field for the secret.</summary>
internal sealed record KeyView(
    string Id,
    string AccountId,
    string Name,
    IReadOnlyList<string> Permissions,
    IReadOnlyList<string> Wallets,
    string? ExpiresAt,
    string? RevokedAt,
    string CreatedAt)
{
    public static KeyView From(ApiKey key) => new(
        key.Id,
        key.AccountId,
        key.Name,
        ApiKeyPermissionNames.Format(key.Permissions).Split(',', StringSplitOptions.RemoveEmptyEntries),
        key.Wallets.Select(w => w.WalletId).Order(StringComparer.Ordinal).ToList(),
        IsoTime(key.ExpiresAt),
        IsoTime(key.RevokedAt),
        IsoTime(key.CreatedAt)!);

    public static string? IsoTime(long? unixSeconds) => unixSeconds is { } seconds
        ? DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
        : null;
}
