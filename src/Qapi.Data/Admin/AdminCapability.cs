namespace Qapi.Data.Admin;

/// <summary>What an admin request wants to do to an account's objects; each is granted to some roles.</summary>
public enum AdminCapability
{
    /// <summary>Read the account's objects through the admin API. Every active member.</summary>
    View,

    /// <summary>Create, rename, archive and restore funds and wallets. Administrators and fund organizers.</summary>
    ManageFunds,

    /// <summary>Credit sandbox wallets from the faucet. Administrators and fund organizers.</summary>
    Faucet,

    /// <summary>Policies, allowlists, signing agents and approver keys. Administrators.</summary>
    ManagePolicies,

    /// <summary>Invite, re-role and remove members and trusted parties. Administrators.</summary>
    ManageMembers,

    /// <summary>Create, update and revoke API keys. Administrators.</summary>
    ManageKeys,

    /// <summary>The account's profile and custom RPC networks. Administrators.</summary>
    ManageAccount,

    /// <summary>Read and page the audit log. Administrators.</summary>
    ReadAudit,
}
