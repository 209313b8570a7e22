using Qapi.Data.Entities;

namespace Qapi.Data.Admin;

/// <summary>A new person: their account, its mnemonic and their admin key's secret (each shown this once).</summary>
public sealed record SignupResult(Account Account, string Mnemonic, ApiKey Key, string Secret);
