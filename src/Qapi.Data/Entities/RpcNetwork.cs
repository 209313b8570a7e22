namespace Qapi.Data.Entities;

/// <summary>A custom EVM network an organization has configured (the spec's <c>rpcNetworks</c>).</summary>
public sealed class RpcNetwork
{
    public long Id { get; init; }
    public required string AccountId { get; init; }
    public required string Name { get; set; }
    public long ChainId { get; set; }

    /// <summary>The JSON-RPC endpoint; may carry credentials in its path, so it is never logged.</summary>
    public required string Url { get; set; }

    public long CreatedAt { get; init; }
}
