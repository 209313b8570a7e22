using Qapi.Data;

namespace Qapi.Server.Configuration;

/// <summary>The <c>Qapi</c> configuration section.</summary>
public sealed class QapiOptions
{
    /// <summary><c>sandbox</c> (default) or <c>production</c>; each has its own database.</summary>
    public string Environment { get; set; } = "sandbox";

    /// <summary>Where the database and key file live; defaults to <c>./data/{environment}</c>.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// The base URL clients address (scheme, host, port, any path prefix) when a reverse proxy sits in front.
    /// Signatures are checked against it instead of the request's own host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Proxies whose X-Forwarded-Proto and X-Forwarded-Host are believed; none by default.</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>The key-encryption key as base64 of 32 bytes; otherwise a key file in the data directory.</summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>Request authentication settings.</summary>
    public AuthOptions Auth { get; set; } = new();

    /// <summary>Web3 transaction settings.</summary>
    public Web3Settings Web3 { get; set; } = new();

    /// <summary>Broadcasting signed transactions to chain RPC endpoints.</summary>
    public RpcSettings Rpc { get; set; } = new();

    /// <summary>The admin API.</summary>
    public AdminSettings Admin { get; set; } = new();

    /// <summary>The store.</summary>
    public StorageOptions Storage { get; set; } = new();

    /// <summary>Whether an empty sandbox gets a demo organization on first start.</summary>
    public bool BootstrapDemo { get; set; } = true;

    /// <summary>
    /// Whether this server is a sandbox (testnet assets and chains only). An environment other than
    /// <c>sandbox</c> or <c>production</c> throws <see cref="QapiConfigurationException"/>, never a default.
    /// </summary>
    public bool IsSandbox => QapiEnvironment.IsSandbox(Environment);

    /// <summary>
    /// Refuses, before anything is opened or created, settings that must not fall back to a default; the
    /// server and the operator's commands call it first.
    /// </summary>
    public void EnsureValid() => _ = Admin.SignupOpen(IsSandbox);

    /// <summary>The key-encryption key file, used when no key is configured.</summary>
    public string KeyFilePath => Path.Combine(ResolvedDataDirectory, "qapi.kek");

    /// <summary>The data directory, resolved.</summary>
    public string ResolvedDataDirectory =>
        Path.GetFullPath(DataDirectory ?? Path.Combine("data", Environment.ToLowerInvariant()));
}
