namespace Qapi.Core.Assets;

/// <summary>
/// An asset a wallet can hold. Balances are integers in base units of <see cref="Scale"/> per whole asset, small
/// enough for the spec's int64 fields (EVM assets count in gwei, not wei, for that reason).
/// </summary>
/// <param name="Code">The asset code on the wire, for example <c>ETH-TESTNET</c>.</param>
/// <param name="Scale">Base units per whole asset.</param>
/// <param name="Testnet">Whether it is a testnet asset (the only kind a sandbox holds).</param>
/// <param name="EvmChainId">The EVM chain of the asset, when it lives on one.</param>
/// <param name="AddressType">The wallet address format.</param>
public sealed record Asset(string Code, long Scale, bool Testnet, long? EvmChainId, string AddressType)
{
    /// <summary>Whether wallets of this asset derive EVM addresses.</summary>
    public bool IsEvm => EvmChainId is not null;
}
