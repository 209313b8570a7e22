using Qapi.Core.Keys;

namespace Qapi.Cli.Commands.Admin;

/// <summary>What <c>keys create</c> was given, checked.</summary>
internal sealed record KeyCreateInput(
    string Account,
    string? Name,
    ApiKeyPermissions Permissions,
    IReadOnlyList<string> Wallets,
    DateTimeOffset? ExpiresAt,
    bool Json,
    string? SavePath);

/// <summary>What <c>keys update</c> was given, checked.</summary>
internal sealed record KeyUpdateInput(
    string Id,
    string? Name,
    ApiKeyPermissions? Permissions,
    DateTimeOffset? ExpiresAt,
    bool ClearExpiry,
    bool Json);
