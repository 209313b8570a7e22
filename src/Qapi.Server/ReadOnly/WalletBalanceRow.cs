namespace Qapi.Server.ReadOnly;

/// <summary>One wallet's balance columns.</summary>
internal sealed record WalletBalanceRow(string WalletId, string Asset, long Available, long PendingIn, long PendingOut);
