namespace Qapi.Core.Security;

/// <summary>
/// Loads the key-encryption key from configuration (base64) or from a key file, creating the file with
/// owner-only permissions on first start.
/// </summary>
public static class KeyEncryptionKeyFile
{
    /// <summary>Returns the configured key, or the key file's, creating the file when it does not exist.</summary>
    public static byte[] LoadOrCreate(string? configuredBase64, string keyFilePath)
    {
        if (!string.IsNullOrWhiteSpace(configuredBase64))
        {
            var configured = Convert.FromBase64String(configuredBase64.Trim());
            return configured.Length == 32
                ? configured
                : throw new InvalidOperationException("Qapi:KeyEncryptionKey must be 32 bytes of base64.");
        }

        if (File.Exists(keyFilePath))
        {
            var stored = Convert.FromBase64String(File.ReadAllText(keyFilePath).Trim());
            return stored.Length == 32
                ? stored
                : throw new InvalidOperationException($"The key file {keyFilePath} does not hold a 32-byte key.");
        }

        var key = SecretProtector.GenerateKey();
        OwnerOnlyFile.WriteAllText(keyFilePath, Convert.ToBase64String(key) + "\n");
        return key;
    }
}
