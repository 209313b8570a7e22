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

    private static string Purpose(string accountId) => "seed:" + accountId;
}
