namespace Qapi.Server.Admin;

/// <summary>Log messages for admin changes to funds, wallets, policies, allowlists, networks and the faucet.</summary>
internal static partial class FundAdminLog
{
    private const string Category = "Qapi.Server.Admin.Funds";

    /// <summary>Logs a committed change: ids only, never a body, a URL or a secret.</summary>
    public static void Changed(HttpContext context, string action, string objectId, string accountId) =>
        Changed(LoggerOf(context), action, objectId, accountId, context.Principal().PersonId);

    public static ILogger LoggerOf(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);

    [LoggerMessage(4400, LogLevel.Information, "Admin {Action} on {ObjectId} in account {AccountId} by {PersonId}")]
    public static partial void Changed(ILogger logger, string action, string objectId, string accountId,
        string personId);

    [LoggerMessage(4401, LogLevel.Information,
        "Faucet credited {Amount} base units of {Asset} to wallet {WalletId} by {PersonId}")]
    public static partial void FaucetCredited(ILogger logger, long amount, string asset, string walletId,
        string personId);
}
