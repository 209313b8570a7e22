using System.Security.Cryptography;
using System.Text;

namespace Qapi.Core.Security;

/// <summary>
/// Encrypts seeds and API secrets at rest with AES-256-GCM under the key-encryption key. Each ciphertext is bound
/// to a purpose (for example <c>api-secret:KEYID</c>) as associated data, so a ciphertext copied into another row
/// does not decrypt there.
/// </summary>
public sealed class SecretProtector
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    /// <summary>Creates a protector over a 32-byte key-encryption key.</summary>
    public SecretProtector(ReadOnlySpan<byte> keyEncryptionKey)
    {
        if (keyEncryptionKey.Length != 32)
        {
            throw new ArgumentException("The key-encryption key must be 32 bytes.", nameof(keyEncryptionKey));
        }

        _key = keyEncryptionKey.ToArray();
    }

    /// <summary>Encrypts text for the given purpose; the result is base64 text.</summary>
    public string Protect(string plaintext, string purpose)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[1 + NonceSize + plain.Length + TagSize];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);

        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(
            nonce,
            plain,
            output.AsSpan(1 + NonceSize, plain.Length),
            output.AsSpan(1 + NonceSize + plain.Length),
            Encoding.UTF8.GetBytes(purpose));
        CryptographicOperations.ZeroMemory(plain);
        return Convert.ToBase64String(output);
    }

    /// <summary>Decrypts what <see cref="Protect"/> produced for the same purpose.</summary>
    /// <exception cref="CryptographicException">The ciphertext was altered, or belongs to another purpose.</exception>
    public string Unprotect(string protectedText, string purpose)
    {
        var input = Convert.FromBase64String(protectedText);
        if (input.Length < 1 + NonceSize + TagSize || input[0] != FormatVersion)
        {
            throw new CryptographicException("Unknown protected-secret format.");
        }

        var cipherLength = input.Length - 1 - NonceSize - TagSize;
        var plain = new byte[cipherLength];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(
            input.AsSpan(1, NonceSize),
            input.AsSpan(1 + NonceSize, cipherLength),
            input.AsSpan(1 + NonceSize + cipherLength),
            plain,
            Encoding.UTF8.GetBytes(purpose));
        var text = Encoding.UTF8.GetString(plain);
        CryptographicOperations.ZeroMemory(plain);
        return text;
    }

    /// <summary>Generates a fresh 32-byte key-encryption key.</summary>
    public static byte[] GenerateKey() => RandomNumberGenerator.GetBytes(32);
}
