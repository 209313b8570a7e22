namespace Qapi.Data;

/// <summary>Where the store lives: the provider and its connection.</summary>
public sealed class StorageOptions
{
    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>A full connection string; for SQLite, defaults to <c>qapi.db</c> in the data directory.</summary>
    public string? ConnectionString { get; set; }
}
