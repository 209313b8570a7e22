namespace Qapi.Core.Accounts;

/// <summary>What an organization member may do.</summary>
public enum MemberRole
{
    /// <summary>Manages the organization: members, keys, policies.</summary>
    Administrator,

    /// <summary>Creates and organizes funds and wallets.</summary>
    FundOrganizer,

    /// <summary>Approves or rejects transactions named by a policy.</summary>
    Approver,

    /// <summary>Proposes transactions.</summary>
    Trader,
}
