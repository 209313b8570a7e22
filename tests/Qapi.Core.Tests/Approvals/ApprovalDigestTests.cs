using Qapi.Core.Approvals;
using Qapi.Core.Evm;

namespace Qapi.Core.Tests.Approvals;

/// <summary>An approval binds the transaction id, the decision and every signed field but the nonce.</summary>
public sealed class ApprovalDigestTests
{
    private static readonly EvmTransactionFields Base = new()
    {
        From = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
        To = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
        Value = "1000",
        GasLimit = "21000",
        MaxFeePerGas = "30000000000",
        MaxPriorityFeePerGas = "1000000000",
        Data = "0xa9059cbb",
        ChainId = "11155111",
    };

    public static TheoryData<string> ChangedFields() =>
    [
        "from", "to", "value", "gasLimit", "maxFeePerGas", "maxPriorityFeePerGas", "data", "chainID", "legacy",
    ];

    [Theory]
    [MemberData(nameof(ChangedFields))]
    public void Digest_ChangesWithEverySignedField(string field)
    {
        var changed = field switch
        {
            "from" => Base with { From = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" },
            "to" => Base with { To = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" },
            "value" => Base with { Value = "1001" },
            "gasLimit" => Base with { GasLimit = "21001" },
            "maxFeePerGas" => Base with { MaxFeePerGas = "30000000001" },
            "maxPriorityFeePerGas" => Base with { MaxPriorityFeePerGas = "1000000001" },
            "data" => Base with { Data = "0xa9059cbc" },
            "chainID" => Base with { ChainId = "17000" },
            _ => Base with { MaxFeePerGas = null, MaxPriorityFeePerGas = null, GasPrice = "30000000000" },
        };

        Assert.NotEqual(Digest("TX1", ApprovalDecision.Approve, Base), Digest("TX1", ApprovalDecision.Approve,
            changed));
    }

    [Fact]
    public void Digest_BindsTheTransactionIdAndTheDecision_ButNotTheNonce()
    {
        var approve = Digest("TX1", ApprovalDecision.Approve, Base);
        Assert.NotEqual(approve, Digest("TX2", ApprovalDecision.Approve, Base));
        Assert.NotEqual(approve, Digest("TX1", ApprovalDecision.Reject, Base));
        Assert.Equal(approve, Digest("TX1", ApprovalDecision.Approve, Base with { Nonce = "7" }));
    }

    [Fact]
    public void Digest_IsTheSameForEquivalentSpellings()
    {
        var spelled = Base with
        {
            From = Base.From!.ToLowerInvariant(),
            Value = "0x3e8",
            GasLimit = "0x5208",
            Data = "a9059cbb",
            ChainId = "0xaa36a7",
        };
        Assert.Equal(Digest("TX1", ApprovalDecision.Approve, Base), Digest("TX1", ApprovalDecision.Approve, spelled));
    }

    [Fact]
    public void ApproverSignature_VerifiesOnlyForItsKeyAndDigest()
    {
        var (privateKey, publicKey) = ApproverKeys.Generate();
        var (_, otherPublicKey) = ApproverKeys.Generate();
        var digest = Digest("TX1", ApprovalDecision.Approve, Base);
        var signature = ApproverKeys.Sign(privateKey, digest);

        Assert.Equal(publicKey, ApproverKeys.PublicKeyOf(privateKey));
        Assert.True(ApproverKeys.Verify(publicKey, digest, signature));
        Assert.False(ApproverKeys.Verify(otherPublicKey, digest, signature));
        Assert.False(ApproverKeys.Verify(publicKey, Digest("TX1", ApprovalDecision.Reject, Base), signature));
        Assert.False(ApproverKeys.Verify(publicKey, digest, signature[..^2] + (signature[^2..] == "00" ? "01" : "00")));
        Assert.False(ApproverKeys.Verify(publicKey, digest, "zz"));
        Assert.False(ApproverKeys.Verify("02" + new string('0', 64), digest, signature));

        // Parsed keys are kept by their text: again, and in upper case, each key still answers for itself only.
        Assert.True(ApproverKeys.Verify(publicKey, digest, signature));
        Assert.True(ApproverKeys.Verify(publicKey.ToUpperInvariant(), digest, signature));
        Assert.False(ApproverKeys.Verify(otherPublicKey, digest, signature));
        Assert.False(ApproverKeys.Verify(otherPublicKey.ToUpperInvariant(), digest, signature));
    }

    private static byte[] Digest(string txId, ApprovalDecision decision, EvmTransactionFields fields)
    {
        var parsed = EvmTransactionRequestParser.Parse(fields);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return ApprovalDigest.Compute(txId, decision, parsed.Request!);
    }
}
