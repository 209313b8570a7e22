namespace Qapi.Core.Keys;

/// <summary>Permissions an API key opts into, one by one.</summary>
[Flags]
public enum ApiKeyPermissions
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Only <c>GET /balance</c>.</summary>
    Balance = 1,

    /// <summary>Every Read-only API endpoint.</summary>
    ReadOnly = 2,

    /// <summary>Create Web3 transactions and read their status, approvals and feed.</summary>
    Web3 = 4,

    /// <summary>
    /// The admin API (<c>/qapi/admin/v1</c>). Held only by an organization's administrators or a personal
    /// account's owner; what it may change is still checked against the holder's role on each object.
    /// </summary>
    Admin = 8,
}
