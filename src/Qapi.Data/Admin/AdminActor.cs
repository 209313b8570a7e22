namespace Qapi.Data.Admin;

/// <summary>How the audit trail names a person acting through one of their keys.</summary>
public static class AdminActor
{
    public static string Of(string personId, string keyId) => $"person:{personId} key:{keyId}";
}
