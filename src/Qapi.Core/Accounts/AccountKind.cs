namespace Qapi.Core.Accounts;

/// <summary>Whether an account is one person's or an organization's.</summary>
public enum AccountKind
{
    /// <summary>A person's own account.</summary>
    Personal,

    /// <summary>An organization, whose members are personal accounts.</summary>
    Organization,

    /// <summary>An automated approver (the spec's <c>core-client</c>), owned by a person or an organization.</summary>
    SigningAgent,
}
