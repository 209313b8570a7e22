namespace Qapi.Server.Configuration;

/// <summary>The <c>Qapi:Web3</c> section.</summary>
public sealed class Web3Settings
{
    /// <summary>How long a transaction waits for its approvals before it expires (default one day).</summary>
    public int ApprovalWindowSeconds { get; set; } = 86_400;

    /// <summary>How often an open transaction feed checks that its key is still usable (default 15 s).</summary>
    public int FeedKeyRecheckSeconds { get; set; } = 15;
}
