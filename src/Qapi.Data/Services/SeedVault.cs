using Qapi.Core.Security;
using Qapi.Core.Wallets;
using Qapi.Data.Entities;

namespace Qapi.Data.Services;

/// <summary>Seals and opens accounts' master seeds; the mnemonic exists in plain text only in memory.</summary>
public sealed class SeedVault(SecretProtector protector)
{
    /// <summary>Encrypts a mnemonic for the account.</summary>
    public string Seal(string accountId, string mnemonic) => protector.Protect(mnemonic, Purpose(accountId));

    /// <summary>Decrypts the account's mnemonic.</summary>
    public string Open(Account account) => protector.Unprotect(account.EncryptedSeed, Purpose(account.Id));

    /// <summary>The EIP-55 address of the account's wallet key at the index.</summary>
    public string DeriveAddress(Account account, int index) => EvmKeyDerivation.Address(Open(account), index);

    /// <summary>The wallet key at the index, derived from the seed and sealed for the wallet.</summary>
    public string SealWalletKey(Account account, int index, string walletId)
    {
        var key = EvmKeyDerivation.PrivateKey(Open(account), index);
        try
        {
            return protector.Protect(Convert.ToHexStringLower(key), WalletPurpose(walletId));
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The wallet's 32-byte private key; the caller zeroes it after use.</summary>
    public byte[] OpenWalletKey(string walletId, string encryptedKey) =>
        Convert.FromHexString(protector.Unprotect(encryptedKey, WalletPurpose(walletId)));

    private static string Purpose(string accountId) => "seed:" + accountId;

    private static string WalletPurpose(string walletId) => "wallet-key:" + walletId;
}
