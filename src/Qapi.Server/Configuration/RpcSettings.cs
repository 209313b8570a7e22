using System.Globalization;
using System.Numerics;
using Qapi.Data.Broadcast;

namespace Qapi.Server.Configuration;

/// <summary>The <c>Qapi:Rpc</c> section: which chains signed transactions are broadcast to, and how.</summary>
public sealed class RpcSettings
{
    /// <summary>
    /// JSON-RPC endpoint URLs by decimal chain id, for example <c>Qapi:Rpc:Chains:11155111</c>. A URL may carry a
    /// provider's credentials; it is never logged nor shown.
    /// </summary>
    public Dictionary<string, string> Chains { get; set; } = [];

    /// <summary>Blocks, counting the one that includes a transaction, before it is confirmed (default 12).</summary>
    public int Confirmations { get; set; } = 12;

    /// <summary>How often the broadcast worker looks at waiting transactions (default 5 s).</summary>
    public double PollIntervalSeconds { get; set; } = 5;

    /// <summary>The longest wait between attempts after repeated RPC failures (default 300 s).</summary>
    public double MaxRetryDelaySeconds { get; set; } = 300;

    /// <summary>How long one JSON-RPC call may take (default 10 s).</summary>
    public double RequestTimeoutSeconds { get; set; } = 10;

    /// <summary>The validated options; a setting that makes no sense stops the server at start.</summary>
    public BroadcastOptions ToOptions()
    {
        var endpoints = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var (key, url) in Chains)
        {
            if (!BigInteger.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var chainId)
                || chainId.IsZero)
            {
                throw new InvalidOperationException(
                    $"Qapi:Rpc:Chains:{key}: a chain is named by its decimal chain id, for example 11155111.");
            }

            // The message names the chain but never the URL, which may hold credentials.
            if (!Uri.TryCreate(url, UriKind.Absolute, out var endpoint)
                || endpoint.Scheme is not ("http" or "https"))
            {
                throw new InvalidOperationException(
                    $"Qapi:Rpc:Chains:{key}: the RPC endpoint must be an absolute http or https URL.");
            }

            endpoints[chainId.ToString(CultureInfo.InvariantCulture)] = endpoint;
        }

        Require(Confirmations >= 1, "Confirmations", "at least 1");
        Require(PollIntervalSeconds > 0, "PollIntervalSeconds", "positive");
        Require(MaxRetryDelaySeconds >= PollIntervalSeconds, "MaxRetryDelaySeconds", "at least PollIntervalSeconds");
        Require(RequestTimeoutSeconds > 0, "RequestTimeoutSeconds", "positive");
        return new BroadcastOptions
        {
            Endpoints = endpoints,
            Confirmations = Confirmations,
            PollInterval = TimeSpan.FromSeconds(PollIntervalSeconds),
            MaxRetryDelay = TimeSpan.FromSeconds(MaxRetryDelaySeconds),
            RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSeconds),
        };
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Qapi:Rpc:{name} must be {rule}.");
        }
    }
}
