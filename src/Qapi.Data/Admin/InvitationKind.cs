namespace Qapi.Data.Admin;

/// <summary>What accepting an invitation makes the person.</summary>
public enum InvitationKind
{
    /// <summary>A member of an organization.</summary>
    Member,

    /// <summary>A trusted party (custodian) of a personal account.</summary>
    TrustedParty,
}
