using System.Collections.Immutable;
using System.Numerics;

namespace Qapi.Core.Evm;

/// <summary>
/// Turns the string fields of a create-transaction request into an <see cref="EvmTransactionRequest"/>, or into
/// the list of what is wrong with them (never an exception: bad input is the client's error, not ours).
/// </summary>
public static class EvmTransactionRequestParser
{
    private const int MinimumGasLimit = 21_000;

    /// <summary>Validates every field and reports all errors, not only the first.</summary>
    public static EvmTransactionRequestResult Parse(EvmTransactionFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new List<EvmFieldError>();

        var from = ParseAddress("from", fields.From, errors);
        var to = ParseAddress("to", fields.To, errors);
        var value = ParseQuantity("value", fields.Value, errors);
        var gasLimit = ParseGasLimit(fields.GasLimit, errors);
        var fees = ParseFees(fields, errors);
        var data = ParseData(fields.Data, errors);
        var chainId = ParseChainId(fields.ChainId, errors);
        var nonce = ParseNonce(fields.Nonce, errors);

        if (errors.Count > 0)
        {
            return EvmTransactionRequestResult.Failure(errors);
        }

        var request = new EvmTransactionRequest(from!, chainId, nonce, to!, value, gasLimit, fees!, data);
        return EvmTransactionRequestResult.Success(request);
    }

    private static EvmAddress? ParseAddress(string field, string? text, List<EvmFieldError> errors)
    {
        if (EvmAddress.TryParse(text, out var address, out var reason))
        {
            return address;
        }

        errors.Add(new EvmFieldError(field, reason));
        return null;
    }

    private static BigInteger ParseQuantity(string field, string? text, List<EvmFieldError> errors)
    {
        if (EvmQuantity.TryParse(text, out var value, out var reason))
        {
            return value;
        }

        errors.Add(new EvmFieldError(field, reason));
        return BigInteger.Zero;
    }

    private static BigInteger ParseGasLimit(string? text, List<EvmFieldError> errors)
    {
        var count = errors.Count;
        var gasLimit = ParseQuantity("gasLimit", text, errors);

        // Nodes decode the gas limit into 64 bits; a larger one would make a transaction no node accepts. Every
        // transaction costs at least 21,000 gas before its data and code: a lower limit can never be mined.
        if (errors.Count == count && gasLimit > EvmQuantity.MaxUInt64)
        {
            errors.Add(new EvmFieldError("gasLimit", "must not exceed 2^64-1"));
        }
        else if (errors.Count == count && gasLimit < MinimumGasLimit)
        {
            errors.Add(new EvmFieldError("gasLimit", "must be at least 21000, the gas every transaction costs"));
        }

        return gasLimit;
    }

    private static EvmFees? ParseFees(EvmTransactionFields fields, List<EvmFieldError> errors)
    {
        // Qredo's responses carry the fee style a transaction does not use as "", and clients echo a response back
        // as the next request: an empty fee field is one not given, so only real values make both styles.
        var gasPrice = GivenFee(fields.GasPrice);
        var maxFeePerGas = GivenFee(fields.MaxFeePerGas);
        var maxPriorityFeePerGas = GivenFee(fields.MaxPriorityFeePerGas);
        var legacy = gasPrice is not null;
        var dynamic = maxFeePerGas is not null || maxPriorityFeePerGas is not null;
        if (legacy && dynamic)
        {
            errors.Add(new EvmFieldError("gasPrice", "must not be given with maxFeePerGas or maxPriorityFeePerGas"));
            return null;
        }

        if (!legacy && !dynamic)
        {
            errors.Add(new EvmFieldError("gasPrice", "or maxFeePerGas with maxPriorityFeePerGas must be given"));
            return null;
        }

        var count = errors.Count;
        if (legacy)
        {
            var price = ParseQuantity("gasPrice", gasPrice, errors);
            return errors.Count == count ? new EvmLegacyFees(price) : null;
        }

        var maxFee = ParseFeeCap("maxFeePerGas", maxFeePerGas, "maxPriorityFeePerGas", errors);
        var maxPriorityFee = ParseFeeCap("maxPriorityFeePerGas", maxPriorityFeePerGas, "maxFeePerGas", errors);
        if (errors.Count != count)
        {
            return null;
        }

        // Nodes refuse a tip above the total cap ("max priority fee per gas higher than max fee per gas").
        if (maxPriorityFee > maxFee)
        {
            errors.Add(new EvmFieldError("maxPriorityFeePerGas", "must not exceed maxFeePerGas"));
            return null;
        }

        return new EvmEip1559Fees(maxFee, maxPriorityFee);
    }

    private static string? GivenFee(string? text) => text is "" ? null : text;

    private static BigInteger ParseFeeCap(string field, string? text, string partner, List<EvmFieldError> errors)
    {
        if (text is null)
        {
            errors.Add(new EvmFieldError(field, $"must be given with {partner}"));
            return BigInteger.Zero;
        }

        return ParseQuantity(field, text, errors);
    }

    private static ImmutableArray<byte> ParseData(string? text, List<EvmFieldError> errors)
    {
        if (EvmHexData.TryParse(text, out var data, out var reason))
        {
            return data;
        }

        errors.Add(new EvmFieldError("data", reason));
        return ImmutableArray<byte>.Empty;
    }

    private static BigInteger ParseChainId(string? text, List<EvmFieldError> errors)
    {
        if (text is null)
        {
            return BigInteger.One;
        }

        var count = errors.Count;
        var chainId = ParseQuantity("chainID", text, errors);

        // No network has chain id 0, so a transaction signed for it could never be broadcast.
        if (errors.Count == count && chainId.IsZero)
        {
            errors.Add(new EvmFieldError("chainID", "must be at least 1"));
        }

        return chainId;
    }

    private static BigInteger? ParseNonce(string? text, List<EvmFieldError> errors)
    {
        // Qredo's own answers carry "nonce": "" until a transaction is signed; a client that echoes one back asks
        // for the next nonce, as with no field at all.
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var count = errors.Count;
        var nonce = ParseQuantity("nonce", text, errors);
        if (errors.Count == count && nonce > EvmTransaction.MaxNonce)
        {
            errors.Add(new EvmFieldError("nonce", "must not exceed 2^64-2 (EIP-2681)"));
        }

        return nonce;
    }
}
