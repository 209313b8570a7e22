using Microsoft.EntityFrameworkCore;
using Qapi.Core.Errors;
using Qapi.Data.Audit;
using Qapi.Data.Entities;

namespace Qapi.Data.Services;

/// <summary>
/// An account's custom EVM networks (the spec's <c>rpcNetworks</c>). The URL may carry credentials (an API key
/// in its path or query, a user and password), so it is stored but never logged or audited beyond its origin.
/// </summary>
public sealed class RpcNetworkService(QapiDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const int MaxNameLength = 100;
    public const int MaxUrlLength = 2000;

    /// <summary>The account's networks, by name.</summary>
    public async Task<IReadOnlyList<RpcNetwork>> ListAsync(string accountId, CancellationToken cancellationToken) =>
        await db.RpcNetworks.AsNoTracking().Where(n => n.AccountId == accountId)
            .OrderBy(n => n.Name).ToListAsync(cancellationToken);

    /// <summary>Adds a network; its name and its chain id are each unique within the account.</summary>
    public async Task<RpcNetwork> AddAsync(
        string accountId, string? name, long? chainId, string? url, CancellationToken cancellationToken)
    {
        var trimmed = FieldRules.Required(name, "name", MaxNameLength);
        if (chainId is not > 0)
        {
            throw QapiError.Invalid("invalid_chain_id", "The field 'chainID' must be a positive integer.");
        }

        var endpoint = ParseUrl(url);
        var clash = await db.RpcNetworks.AsNoTracking()
            .Where(n => n.AccountId == accountId && (n.Name == trimmed || n.ChainId == chainId))
            .Select(n => n.Name).FirstOrDefaultAsync(cancellationToken);
        if (clash is not null)
        {
            throw Clash(trimmed, chainId.Value);
        }

        var network = new RpcNetwork
        {
            AccountId = accountId,
            Name = trimmed,
            ChainId = chainId.Value,
            Url = endpoint.AbsoluteUri,
            CreatedAt = clock.GetUtcNow().ToUnixTimeSeconds(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.RpcNetworks.Add(network);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw Clash(trimmed, chainId.Value);
        }

        await audit.AppendAsync("account.rpc_network.add", accountId, trimmed,
            new { name = trimmed, chainId = chainId.Value, endpoint = OriginOf(endpoint) }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return network;
    }

    /// <summary>Removes the named network.</summary>
    public async Task RemoveAsync(string accountId, string name, CancellationToken cancellationToken)
    {
        var network = await db.RpcNetworks
            .SingleOrDefaultAsync(n => n.AccountId == accountId && n.Name == name, cancellationToken)
            ?? throw QapiError.NotFound("rpc_network_not_found", $"No RPC network named '{name}'.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.RpcNetworks.Remove(network);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("account.rpc_network.remove", accountId, network.Name,
            new { name = network.Name, chainId = network.ChainId }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Scheme, host and port only: what may be shown of an endpoint whose path can hold a secret.</summary>
    public static string OriginOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? OriginOf(uri) : "";

    private static string OriginOf(Uri uri) => $"{uri.Scheme}://{uri.Authority}";

    private static Uri ParseUrl(string? url)
    {
        var text = FieldRules.Required(url, "url", MaxUrlLength);
        // The reason never quotes the URL: it may hold a credential.
        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0
            ? uri
            : throw QapiError.Invalid("invalid_url", "The field 'url' must be an absolute http or https URL.");
    }

    private static QapiError Clash(string name, long chainId) =>
        QapiError.Conflict("rpc_network_exists",
            $"The account already has a network named '{name}' or one for chain {chainId}.");
}
