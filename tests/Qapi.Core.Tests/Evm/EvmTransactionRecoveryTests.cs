using System.Numerics;
using Nethereum.Model;
using Qapi.Core.Evm;

namespace Qapi.Core.Tests.Evm;

public sealed class EvmTransactionRecoveryTests
{
    private static readonly BigInteger CurveOrder = BigInteger.Parse(
        "115792089237316195423570985008687907852837564279074904382605163141518161494337",
        System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] SignedBytes(string name) =>
        Convert.FromHexString(EvmVectors.Transaction(name).String("signedSerialized")[2..]);

    [Fact]
    public void TryRecoverSender_TamperedValue_RecoversSomeoneElse()
    {
        var signed = SignedBytes("legacy-eip155-mainnet");
        var decoded = (LegacyTransactionChainId)TransactionFactory.CreateTransaction(signed);
        var tampered = new LegacyTransactionChainId(
            decoded.Nonce, decoded.GasPrice, decoded.GasLimit, decoded.ReceiveAddress, [0x01], decoded.Data,
            decoded.ChainId, decoded.Signature.R, decoded.Signature.S, decoded.Signature.V).GetRLPEncoded();

        var recovered = EvmTransactionRecovery.TryRecoverSender(tampered, out var sender, out _);

        Assert.False(recovered && sender!.ToString() == "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        Assert.False(EvmTransactionRecovery.IsSignedBy(
            tampered, EvmAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")));
    }

    [Fact]
    public void TryRecoverSender_HighS_IsRejectedLikeANodeDoes()
    {
        // (r, n - s) with the other parity is the same signature in its malleable form, forbidden by EIP-2.
        var signed = SignedBytes("eip1559-sepolia");
        var decoded = (Transaction1559)TransactionFactory.CreateTransaction(signed);
        var s = new BigInteger(decoded.Signature.S, isUnsigned: true, isBigEndian: true);
        var highS = (CurveOrder - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var parity = decoded.Signature.V.Length == 0 || decoded.Signature.V[0] == 0 ? (byte)1 : (byte)0;
        decoded.SetSignature(new Signature(decoded.Signature.R, highS, [parity]));

        var highSigned = decoded.GetRLPEncoded();

        var recovered = EvmTransactionRecovery.TryRecoverSender(highSigned, out var sender, out var reason);

        Assert.False(recovered);
        Assert.Null(sender);
        Assert.Equal("must carry a valid low-s signature", reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("c0")]
    [InlineData("02c0")]
    [InlineData("deadbeef")]
    [InlineData("02f283aa36a707843b9aca008506fc23ac008252089470997970c51812dc3a010c7d01b50e0d17dc79c8"
        + "87038d7ea4c6800080c0")]
    public void TryRecoverSender_MalformedOrUnsignedBytes_GivesReason(string hex)
    {
        var bytes = Convert.FromHexString(hex);

        var recovered = EvmTransactionRecovery.TryRecoverSender(bytes, out var sender, out var reason);

        Assert.False(recovered);
        Assert.Null(sender);
        Assert.StartsWith("must ", reason);
    }
}
