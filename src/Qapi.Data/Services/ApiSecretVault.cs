using Qapi.Core.Protocol;
using Qapi.Core.Security;

namespace Qapi.Data.Services;

/// <summary>Seals and opens API secrets; the server needs the secret itself to check HMAC signatures.</summary>
public sealed class ApiSecretVault(SecretProtector protector)
{
    /// <summary>Encrypts a secret for the key.</summary>
    public string Seal(string keyId, string secret) => protector.Protect(secret, Purpose(keyId));

    /// <summary>The HMAC key bytes of the key's secret.</summary>
    public byte[] OpenKeyBytes(string keyId, string encryptedSecret) =>
        ApiSecret.ToKeyBytes(protector.Unprotect(encryptedSecret, Purpose(keyId)));

    private static string Purpose(string keyId) => "api-secret:" + keyId;
}
