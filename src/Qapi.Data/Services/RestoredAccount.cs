using Qapi.Data.Entities;

namespace Qapi.Data.Services;

/// <summary>An account after a restore, with the fund that was created (if any) and its wallets by index.</summary>
public sealed record RestoredAccount(Account Account, Fund? Fund, IReadOnlyList<Wallet> Wallets);
