using System.Globalization;
using System.Text.Json;
using Qapi.Core.Evm;
using Qapi.Core.Wallets;

namespace Qapi.Core.Tests.Evm;

public sealed class EvmTransactionSignerVectorTests
{
    public static TheoryData<string> Names => [.. EvmVectors.Transactions.Select(t => t.String("name"))];

    [Theory]
    [MemberData(nameof(Names))]
    public void Sign_VectorTransaction_MatchesEveryVectorByte(string name)
    {
        var vector = EvmVectors.Transaction(name);
        var transaction = TransactionOf(vector);

        var signed = EvmTransactionSigner.Sign(transaction, KeyOf(vector));

        Assert.Equal(vector.String("unsignedSerialized"), signed.RawTransactionHex);
        Assert.Equal(vector.String("signingHash"), signed.SigningHashHex);
        Assert.Equal(vector.String("signedSerialized"), signed.SignedTransactionHex);
        Assert.Equal(vector.String("txHash"), signed.TransactionHashHex);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void SerializeUnsignedAndSigningHash_VectorTransaction_MatchVector(string name)
    {
        var vector = EvmVectors.Transaction(name);
        var transaction = TransactionOf(vector);

        var raw = EvmTransactionSigner.SerializeUnsigned(transaction);
        var hash = EvmTransactionSigner.SigningHash(transaction);

        Assert.Equal(vector.String("unsignedSerialized"), EvmHexData.ToHex(raw.AsSpan()));
        Assert.Equal(vector.String("signingHash"), EvmHexData.ToHex(hash.AsSpan()));
        Assert.Equal(vector.GetProperty("fields").GetProperty("type").GetInt32(), transaction.Type);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void TryRecoverSender_VectorSignedTransaction_GivesVectorSigner(string name)
    {
        var vector = EvmVectors.Transaction(name);
        var signedTx = Convert.FromHexString(vector.String("signedSerialized")[2..]);

        var recovered = EvmTransactionRecovery.TryRecoverSender(signedTx, out var sender, out var reason);

        Assert.True(recovered, reason);
        Assert.NotNull(sender);
        Assert.Equal(vector.String("recoveredFrom"), sender.ToString());
        Assert.True(EvmTransactionRecovery.IsSignedBy(signedTx, EvmAddress.Parse(vector.String("signer"))));
    }

    /// <summary>The vector's fields, sent through the same validation that API requests go through.</summary>
    internal static EvmTransaction TransactionOf(JsonElement vector)
    {
        var fields = vector.GetProperty("fields");
        var request = new EvmTransactionFields
        {
            From = vector.String("signer"),
            To = fields.String("to"),
            Value = fields.String("value"),
            GasLimit = fields.String("gasLimit"),
            GasPrice = Optional(fields, "gasPrice"),
            MaxFeePerGas = Optional(fields, "maxFeePerGas"),
            MaxPriorityFeePerGas = Optional(fields, "maxPriorityFeePerGas"),
            Data = fields.String("data"),
            ChainId = fields.GetProperty("chainId").GetInt64().ToString(CultureInfo.InvariantCulture),
            Nonce = fields.GetProperty("nonce").GetInt64().ToString(CultureInfo.InvariantCulture),
        };

        var result = EvmTransactionRequestParser.Parse(request);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Request.ToTransaction(result.Request.Nonce!.Value);
    }

    internal static byte[] KeyOf(JsonElement vector)
    {
        var signer = vector.String("signer");
        var path = EvmVectors.Derivations.Single(d => d.String("address") == signer).String("path");
        return EvmKeyDerivation.PrivateKey(EvmVectors.Mnemonic, EvmKeyDerivationVectorTests.IndexOf(path));
    }

    private static string? Optional(JsonElement fields, string property) =>
        fields.TryGetProperty(property, out var value) ? value.GetString() : null;
}
