using System.Numerics;
using Qapi.Core.Evm;

namespace Qapi.Core.Tests.Evm;

public sealed class EvmTransactionRequestParserTests
{
    private static readonly EvmTransactionFields Legacy = new()
    {
        From = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
        To = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
        Value = "1000000000000000000",
        GasLimit = "21000",
        GasPrice = "20000000000",
    };

    private static readonly EvmTransactionFields Eip1559 = Legacy with
    {
        GasPrice = null,
        MaxFeePerGas = "30000000000",
        MaxPriorityFeePerGas = "1000000000",
    };

    [Fact]
    public void Parse_LegacyFields_GivesLegacyRequestOnMainnet()
    {
        var result = EvmTransactionRequestParser.Parse(Legacy);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Empty(result.Errors);
        Assert.Equal(new EvmLegacyFees(20_000_000_000), result.Request.Fees);
        Assert.Equal(BigInteger.One, result.Request.ChainId);
        Assert.Null(result.Request.Nonce);
        Assert.Empty(result.Request.Data);
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", result.Request.From.ToString());
        Assert.Equal(0, result.Request.ToTransaction(5).Type);
    }

    [Fact]
    public void Parse_Eip1559FieldsWithChainNonceAndData_GivesType2Request()
    {
        var fields = Eip1559 with { ChainId = "0xaa36a7", Nonce = "7", Data = "a9059cbb" };

        var result = EvmTransactionRequestParser.Parse(fields);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(new EvmEip1559Fees(30_000_000_000, 1_000_000_000), result.Request.Fees);
        Assert.Equal(new BigInteger(11155111), result.Request.ChainId);
        Assert.Equal(new BigInteger(7), result.Request.Nonce);
        Assert.Equal(new byte[] { 0xa9, 0x05, 0x9c, 0xbb }, result.Request.Data.ToArray());
        Assert.Equal(2, result.Request.ToTransaction(7).Type);
    }

    [Fact]
    public void Parse_ValueOfTwoTo256MinusOne_IsAccepted()
    {
        var fields = Legacy with { Value = "0x" + new string('f', 64) };

        var result = EvmTransactionRequestParser.Parse(fields);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(EvmQuantity.MaxUInt256, result.Request.Value);
    }

    [Fact]
    public void Parse_EqualMaxAndPriorityFee_IsAccepted()
    {
        var result = EvmTransactionRequestParser.Parse(Eip1559 with { MaxPriorityFeePerGas = "30000000000" });

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    public static TheoryData<EvmTransactionFields, string, string> Rejections => new()
    {
        { Legacy with { MaxFeePerGas = "1", MaxPriorityFeePerGas = "1" },
            "gasPrice", "must not be given with maxFeePerGas or maxPriorityFeePerGas" },
        { Legacy with { MaxPriorityFeePerGas = "1" },
            "gasPrice", "must not be given with maxFeePerGas or maxPriorityFeePerGas" },
        { Legacy with { GasPrice = null },
            "gasPrice", "or maxFeePerGas with maxPriorityFeePerGas must be given" },
        { Eip1559 with { MaxPriorityFeePerGas = null }, "maxPriorityFeePerGas", "must be given with maxFeePerGas" },
        { Eip1559 with { MaxFeePerGas = null }, "maxFeePerGas", "must be given with maxPriorityFeePerGas" },
        { Eip1559 with { MaxPriorityFeePerGas = "30000000001" },
            "maxPriorityFeePerGas", "must not exceed maxFeePerGas" },
        { Eip1559 with { MaxFeePerGas = "-1" }, "maxFeePerGas", "must not be negative" },
        { Legacy with { GasPrice = "20 gwei" }, "gasPrice", "must not contain whitespace" },
        { Legacy with { GasPrice = "" }, "gasPrice", "or maxFeePerGas with maxPriorityFeePerGas must be given" },
        { Legacy with { GasPrice = "", MaxFeePerGas = "", MaxPriorityFeePerGas = "" },
            "gasPrice", "or maxFeePerGas with maxPriorityFeePerGas must be given" },
        { Legacy with { GasPrice = "", MaxFeePerGas = "1" },
            "maxPriorityFeePerGas", "must be given with maxFeePerGas" },
        { Legacy with { MaxFeePerGas = "", MaxPriorityFeePerGas = "1" },
            "gasPrice", "must not be given with maxFeePerGas or maxPriorityFeePerGas" },
        { Legacy with { Value = "0x1" + new string('0', 64) }, "value", "must not exceed 2^256-1" },
        { Legacy with { Value = null }, "value", "must be present" },
        { Legacy with { Value = "1.5" },
            "value", "must be an unsigned integer in decimal digits, or hex digits after 0x" },
        { Legacy with { GasLimit = null }, "gasLimit", "must be present" },
        { Legacy with { GasLimit = "18446744073709551616" }, "gasLimit", "must not exceed 2^64-1" },
        { Legacy with { GasLimit = "20999" }, "gasLimit", "must be at least 21000, the gas every transaction costs" },
        { Legacy with { GasLimit = "0" }, "gasLimit", "must be at least 21000, the gas every transaction costs" },
        { Legacy with { To = "0x70997970c51812dc3A010C7d01b50e0d17dc79C8" },
            "to", "must match its EIP-55 checksum (mixed-case hex is read as checksummed)" },
        { Legacy with { To = null }, "to", "must be present" },
        { Legacy with { From = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb9226" },
            "from", "must be 20 bytes: 40 hex digits after 0x" },
        { Legacy with { Data = "0xabc" }, "data", "must have an even number of hex digits (whole bytes)" },
        { Legacy with { Data = "0xnothex" }, "data", "must contain only hex digits, after an optional 0x" },
        { Legacy with { ChainId = "0" }, "chainID", "must be at least 1" },
        { Legacy with { ChainId = "" }, "chainID", "must not be empty" },
        { Legacy with { Nonce = "-1" }, "nonce", "must not be negative" },
        { Legacy with { Nonce = "18446744073709551615" }, "nonce", "must not exceed 2^64-2 (EIP-2681)" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Parse_InvalidField_ReportsFieldAndReason(EvmTransactionFields fields, string field, string reason)
    {
        var result = EvmTransactionRequestParser.Parse(fields);

        Assert.False(result.IsValid);
        Assert.Null(result.Request);
        var error = Assert.Single(result.Errors);
        Assert.Equal(new EvmFieldError(field, reason), error);
        Assert.Equal($"{field} {reason}", error.ToString());
    }

    [Fact]
    public void Parse_SeveralInvalidFields_ReportsEachInFieldOrder()
    {
        var fields = Legacy with { To = "0x12", Value = "-5", GasPrice = null, Data = "0x1" };

        var result = EvmTransactionRequestParser.Parse(fields);

        Assert.Equal(["to", "value", "gasPrice", "data"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Parse_EmptyEip1559FieldsBesideGasPrice_AreAbsent_AndGiveALegacyRequest()
    {
        var fields = Legacy with { MaxFeePerGas = "", MaxPriorityFeePerGas = "" };

        var result = EvmTransactionRequestParser.Parse(fields);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(new EvmLegacyFees(20_000_000_000), result.Request.Fees);
    }

    [Fact]
    public void Parse_EmptyGasPriceBesideEip1559Fields_IsAbsent_AndGivesAType2Request()
    {
        var result = EvmTransactionRequestParser.Parse(Eip1559 with { GasPrice = "" });

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(new EvmEip1559Fees(30_000_000_000, 1_000_000_000), result.Request.Fees);
    }

    [Fact]
    public void Parse_HighestNonce_IsAccepted()
    {
        var result = EvmTransactionRequestParser.Parse(Legacy with { Nonce = "18446744073709551614" });

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(EvmTransaction.MaxNonce, result.Request.Nonce);
    }

    [Fact]
    public void Parse_EmptyNonce_AsAnEchoedQredoAnswerCarries_AsksForTheNextNonce()
    {
        var result = EvmTransactionRequestParser.Parse(Eip1559 with { Nonce = "" });

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Null(result.Request.Nonce);
    }
}
