namespace Qapi.Core.Evm;

/// <summary>
/// The Web3 transaction fields of a create-transaction request, as the client sent them (JSON strings, or null
/// when absent), before any validation.
/// </summary>
public sealed record EvmTransactionFields
{
    /// <summary><c>from</c>: the sending wallet's address. Required.</summary>
    public string? From { get; init; }

    /// <summary><c>to</c>: the receiving address. Required.</summary>
    public string? To { get; init; }

    /// <summary><c>value</c>: wei to send. Required.</summary>
    public string? Value { get; init; }

    /// <summary><c>gasLimit</c>. Required.</summary>
    public string? GasLimit { get; init; }

    /// <summary><c>gasPrice</c>: makes a legacy transaction.</summary>
    public string? GasPrice { get; init; }

    /// <summary><c>maxFeePerGas</c>: with <see cref="MaxPriorityFeePerGas"/>, makes an EIP-1559 transaction.</summary>
    public string? MaxFeePerGas { get; init; }

    /// <summary><c>maxPriorityFeePerGas</c>: with <see cref="MaxFeePerGas"/>, makes an EIP-1559 transaction.</summary>
    public string? MaxPriorityFeePerGas { get; init; }

    /// <summary><c>data</c>: call data in hex, with or without <c>0x</c>.</summary>
    public string? Data { get; init; }

    /// <summary><c>chainID</c>: defaults to 1 (Ethereum mainnet) when absent.</summary>
    public string? ChainId { get; init; }

    /// <summary><c>nonce</c>: when absent, the server picks the wallet's next nonce.</summary>
    public string? Nonce { get; init; }
}
