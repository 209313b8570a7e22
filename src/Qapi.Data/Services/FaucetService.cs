using Qapi.Core.Assets;
using Qapi.Core.Errors;
using Qapi.Data.Entities;

namespace Qapi.Data.Services;

/// <summary>
/// Credits testnet assets to a sandbox wallet, recorded as a deposit (balance, ledger entry and audit entry in
/// one transaction). A production server never mints: its balances come from chains only.
/// </summary>
public sealed class FaucetService(LedgerService ledger)
{
    /// <summary>The most one request may credit, in whole units of the asset.</summary>
    public const long MaxWholeUnitsPerRequest = 10;

    /// <summary>The counterparty and reference the ledger shows for a faucet deposit.</summary>
    public const string Source = "faucet";

    /// <summary>Credits <paramref name="amount"/>, a decimal string in whole units (<c>"0.5"</c>).</summary>
    public async Task<LedgerEntry> CreditAsync(
        Wallet wallet, string? amount, bool sandbox, CancellationToken cancellationToken)
    {
        if (!sandbox)
        {
            throw QapiError.Forbidden("faucet_production", "The faucet credits sandbox wallets only.");
        }

        var asset = AssetCatalog.Find(wallet.Asset)
            ?? throw QapiError.Invalid("asset_not_supported", $"The faucet has no {wallet.Asset}.");
        if (!asset.Testnet)
        {
            throw QapiError.Invalid("faucet_mainnet_asset",
                $"The faucet credits testnet assets only, not {asset.Code}.");
        }

        if (!AssetAmount.TryParse(amount, asset, out var units, out var reason))
        {
            throw QapiError.Invalid("invalid_amount", reason);
        }

        if (units > MaxWholeUnitsPerRequest * asset.Scale)
        {
            throw QapiError.Invalid("faucet_limit",
                $"The faucet credits at most {MaxWholeUnitsPerRequest} {asset.Code} per request.");
        }

        return await ledger.RecordDepositAsync(wallet.Id, units, Source, Source, cancellationToken);
    }
}
