namespace Qapi.Core.Protocol;

/// <summary>Names of the three authentication headers (compared case-insensitively).</summary>
public static class QredoHeaders
{
    /// <summary>The key's id.</summary>
    public const string ApiKey = "qredo-api-key";

    /// <summary>The decimal epoch timestamp.</summary>
    public const string Timestamp = "qredo-api-ts";

    /// <summary>The request signature.</summary>
    public const string Signature = "qredo-api-sig";
}
