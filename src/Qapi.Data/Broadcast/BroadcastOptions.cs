namespace Qapi.Data.Broadcast;

/// <summary>Where and how signed transactions are broadcast; a chain without an endpoint is never broadcast.</summary>
public sealed class BroadcastOptions
{
    /// <summary>JSON-RPC endpoints by decimal chain id. A URL may hold provider credentials: never log it.</summary>
    public IReadOnlyDictionary<string, Uri> Endpoints { get; set; } = new Dictionary<string, Uri>();

    /// <summary>How many blocks, counting the one that includes it, make a transaction confirmed.</summary>
    public int Confirmations { get; set; } = 12;

    /// <summary>How often approved, pushed and mined transactions are looked at.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two attempts after repeated RPC failures.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one JSON-RPC call may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
