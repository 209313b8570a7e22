using System.Text;
using Qapi.Core.Protocol;

namespace Qapi.Cli.Tests;

public sealed class SignCommandTests
{
    private const string Secret = "HTZrPwJP21YNJFNOA6xAhENjkW0YPG9yFDvrheR7T0Q7c6AbbxlEJnlPi5JhpTq0";
    private const string PostUrl = "http://127.0.0.1:8002/qapi/v1/transaction";

    public static TheoryData<int> VectorIndexes() => new(Enumerable.Range(0, SharedVectors.RequestSignatures().Count));

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public async Task Sign_SharedVector_PrintsItsSignature(int index)
    {
        var vector = SharedVectors.RequestSignatures()[index];

        // The body goes through standard input, as with the Go tool; GET vectors have none.
        var result = await CliRun.RunAsync(
            ["sign", "-api-key", "key1", "-secret", vector.Secret, "-method", vector.Method, "-url", vector.Url,
                "-timestamp", vector.Timestamp],
            vector.Body);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(
            $"qredo-api-key: key1\nqredo-api-ts: {vector.Timestamp}\nqredo-api-sig: {vector.Signature}\n",
            result.Out);
    }

    [Fact]
    public async Task Sign_DoubleDashAndEqualsForms_SignLikeTheGoFlags()
    {
        var vector = SharedVectors.RequestSignatures().First(v => v.Method == "POST");

        var result = await CliRun.RunAsync(
            ["sign", "--api-key=key1", "--secret", vector.Secret, "--method=post", "--url", vector.Url,
                "-timestamp=" + vector.Timestamp],
            vector.Body);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.EndsWith($"qredo-api-sig: {vector.Signature}\n", result.Out);
    }

    [Fact]
    public async Task Sign_SecretFromEnvironment_SignsLikeTheFlag()
    {
        var vector = SharedVectors.RequestSignatures()[0];

        var result = await CliRun.RunAsync(
            ["sign", "-api-key", "key1", "-url", vector.Url, "-timestamp", vector.Timestamp],
            environment: new Dictionary<string, string> { ["QAPI_SECRET"] = vector.Secret });

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.EndsWith($"qredo-api-sig: {vector.Signature}\n", result.Out);
    }

    [Fact]
    public async Task Sign_BodyWithTrailingNewline_SignsTheNewlineToo()
    {
        const string body = "{\"value\":\"1\"}\n";
        var expected = RequestSignature.Compute(
            ApiSecret.ToKeyBytes(Secret), "1700000000", "POST", PostUrl, Encoding.UTF8.GetBytes(body));

        var result = await CliRun.RunAsync(
            ["sign", "-api-key", "k", "-secret", Secret, "-method", "POST", "-url", PostUrl,
                "-timestamp", "1700000000"],
            body);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.EndsWith($"qredo-api-sig: {expected}\n", result.Out);
    }

    [Fact]
    public async Task Sign_GetWithInputOnStdin_IgnoresTheInput()
    {
        var vector = SharedVectors.RequestSignatures().First(v => v.Method == "GET");

        var result = await CliRun.RunAsync(
            ["sign", "-api-key", "k", "-secret", vector.Secret, "-url", vector.Url, "-timestamp", vector.Timestamp],
            "not a body");

        Assert.EndsWith($"qredo-api-sig: {vector.Signature}\n", result.Out);
    }

    [Fact]
    public async Task Sign_NoTimestamp_SignsTheCurrentSecond()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var result = await CliRun.RunAsync(["sign", "-api-key", "k", "-secret", Secret, "-url", PostUrl]);

        var line = result.Out.Split('\n').Single(l => l.StartsWith("qredo-api-ts: ", StringComparison.Ordinal));
        var timestamp = long.Parse(line["qredo-api-ts: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(timestamp, before, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    [Theory]
    [InlineData("sign", "-api-key", "k", "-url", PostUrl)]
    [InlineData("sign", "-api-key", "k", "-secret", "not base64!", "-url", PostUrl)]
    [InlineData("sign", "-api-key", "k", "-secret", Secret, "-url", "/qapi/v1/balance")]
    [InlineData("sign", "-api-key", "k", "-secret", Secret, "-url", PostUrl, "-timestamp", "yesterday")]
    [InlineData("sign", "-secret", Secret, "-url", PostUrl)]
    [InlineData("sign", "-api-key", "k", "-secret", Secret, "-url", PostUrl, "-bogus")]
    public async Task Sign_BadInput_ExitsTwoWithAnErrorAndNoHeaders(params string[] args)
    {
        var result = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.StartsWith("qapi: ", result.Error);
    }
}
