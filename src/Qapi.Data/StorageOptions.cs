namespace Qapi.Data;

/// <summary>Where the store lives: the provider and its connection.</summary>
public sealed class StorageOptions
{
    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>A full connection string; for SQLite, defaults to <c>qapi.db</c> in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// SQLite's <c>synchronous</c> setting: <c>full</c> (default) makes every commit durable before it returns;
    /// <c>normal</c> skips the sync of the write-ahead log on commit (synced at checkpoints instead), so a commit
    /// survives a crash of the process but can be lost on a crash of the machine or a power loss.
    /// </summary>
    public string SqliteSynchronous { get; set; } = "full";
}
