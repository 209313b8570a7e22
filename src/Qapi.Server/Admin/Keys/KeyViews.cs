using System.Globalization;
using Qapi.Client.Models.Admin;
using Qapi.Core.Keys;
using Qapi.Data.Entities;

namespace Qapi.Server.Admin.Keys;

/// <summary>Maps stored keys to the admin API's view of them, which has no place for a secret.</summary>
internal static class KeyViews
{
    public static AdminKeyInfo Info(ApiKey key) => new(
        key.Id,
        key.AccountId,
        key.HolderId,
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
