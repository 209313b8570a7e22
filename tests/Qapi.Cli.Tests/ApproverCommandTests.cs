using System.Net;
using System.Text;
using System.Text.Json;
using Qapi.Client;
using Qapi.Client.Models;
using Qapi.Core.Approvals;

namespace Qapi.Cli.Tests;

/// <summary><c>qapi approver enroll</c>, then <c>pending</c>, <c>approve</c>, <c>reject</c> on the server.</summary>
[Collection(ServerCollection.Name)]
public sealed class ApproverCommandTests(ServerFixture server) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qapi-approver-").FullName;

    [Fact]
    public async Task Enroll_WritesAnOwnerOnlyKeyFile_AndNeverOverwritesOne()
    {
        var path = Path.Combine(_directory, "alice.json");

        var enrolled = await EnrollAsync("alice", "--out", path, "--name", "laptop");
        var before = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        var again = await EnrollAsync("alice", "--out", path);

        Assert.Equal(ExitCodes.Ok, enrolled.ExitCode);
        var file = JsonDocument.Parse(before).RootElement;
        var publicKey = file.GetProperty("publicKey").GetString()!;
        Assert.Equal(publicKey, ApproverKeys.PublicKeyOf(file.GetProperty("privateKey").GetString()!));
        Assert.Equal("laptop", file.GetProperty("name").GetString());
        Assert.Contains(publicKey, enrolled.Out);
        Assert.Contains(path, enrolled.Out);
        Assert.DoesNotContain(file.GetProperty("privateKey").GetString()!, enrolled.Out + enrolled.Error);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(path));
        Assert.Equal(ExitCodes.BadInput, again.ExitCode);
        Assert.Contains("already exists", again.Error);
        Assert.Equal(before, await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Enroll_WithoutOut_WritesUnderHomeInAnOwnerOnlyDirectory()
    {
        var home = Path.Combine(_directory, "home");
        Directory.CreateDirectory(home);

        var result = await CliRun.RunAsync(["approver", "enroll", "--member", "bob", "--data", server.DataDirectory],
            environment: new Dictionary<string, string> { ["HOME"] = home });

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var path = Path.Combine(home, ".qapi", "approvers", "bob.json");
        Assert.True(File.Exists(path), result.Out + result.Error);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            ModeOf(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task Enroll_UnknownMember_ExitsTwoAndWritesNothing()
    {
        var path = Path.Combine(_directory, "nobody.json");

        var result = await EnrollAsync("nobody", "--out", path);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task PendingApproveReject_TwoOfThreeSignIt_ALateRejectionIsRefused()
    {
        var (alice, bob) = (await KeyFileAsync("alice"), await KeyFileAsync("bob"));
        var carol = await KeyFileAsync("carol");
        var txId = await CreateTransactionAsync();

        var pending = await ChannelAsync("pending", "--key-file", alice);
        var first = await ChannelAsync("approve", txId, "--key-file", alice);
        var second = await ChannelAsync("approve", txId, "--key-file", bob);
        var late = await ChannelAsync("reject", txId, "--key-file", carol);
        var after = await ChannelAsync("pending", "--key-file", alice, "--json");

        Assert.Equal(ExitCodes.Ok, pending.ExitCode);
        Assert.Contains(txId, pending.Out);
        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Contains($"qapi-approval-v1\n  {txId}\n  approve\n  11155111\n", first.Out);
        Assert.Contains($"Transaction {txId} is pending: 1 of 2 approvals", first.Out);
        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.Contains($"Transaction {txId} is approved: 2 of 2 approvals", second.Out);
        Assert.Contains("txHash  0x", second.Out);
        Assert.Equal(ExitCodes.RequestFailed, late.ExitCode);
        Assert.Contains("transaction_decided", late.Error);
        Assert.Equal(ExitCodes.Ok, after.ExitCode);
        Assert.DoesNotContain(txId, after.Out);
    }

    [Fact]
    public async Task TwoRejections_EndItRejected_AndANoteCannotRedrawTheTerminal()
    {
        var (alice, bob) = (await KeyFileAsync("alice"), await KeyFileAsync("bob"));
        var txId = await CreateTransactionAsync("\u001b[2K\rto 0xdead " + Guid.NewGuid().ToString("N"));

        var first = await ChannelAsync("reject", txId, "--key-file", alice);
        var second = await ChannelAsync("reject", txId, "--key-file", bob);

        Assert.Contains("\n  reject\n", first.Out);
        Assert.Contains("note   ?[2K?to 0xdead", first.Out);
        Assert.DoesNotContain('\u001b', first.Out);
        Assert.Contains($"Transaction {txId} is pending: 0 of 2 approvals, 1 rejections", first.Out);
        Assert.Contains($"Transaction {txId} is rejected", second.Out);
    }

    [Fact]
    public async Task Approve_WhenTheServerDescribesSomethingElse_SignsNothing()
    {
        var alice = await KeyFileAsync("alice");
        var txId = await CreateTransactionAsync();
        var lying = new LyingHandler();

        var result = await CliRun.RunAsync(["approve", txId, "--key-file", alice, "--url", server.Origin],
            httpHandler: lying);

        Assert.Equal(ExitCodes.RequestFailed, result.ExitCode);
        Assert.Contains("not signing", result.Error);
        Assert.Equal(["GET"], lying.Methods);
    }

    [Fact]
    public async Task KeyFileOthersCanRead_IsRefused()
    {
        var alice = await KeyFileAsync("alice");
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only.");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(alice, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        }

        var result = await ChannelAsync("pending", "--key-file", alice);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("chmod 600", result.Error);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static UnixFileMode ModeOf(string path) => OperatingSystem.IsWindows()
        ? throw new PlatformNotSupportedException("Unix file modes only.")
        : File.GetUnixFileMode(path);

    private Task<CliResult> EnrollAsync(string member, params string[] args) =>
        CliRun.RunAsync(["approver", "enroll", "--member", member, .. args, "--data", server.DataDirectory]);

    private Task<CliResult> ChannelAsync(params string[] args) => CliRun.RunAsync([.. args, "--url", server.Origin]);

    private async Task<string> KeyFileAsync(string member)
    {
        var path = Path.Combine(_directory, member + ".json");
        var result = await EnrollAsync(member, "--out", path);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        return path;
    }

    private async Task<string> CreateTransactionAsync(string? note = null)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["from"] = server.WalletAddress,
            ["to"] = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
            ["value"] = "1000",
            ["gasLimit"] = "21000",
            ["maxFeePerGas"] = "30000000000",
            ["maxPriorityFeePerGas"] = "1000000000",
            ["chainID"] = "11155111",
            ["note"] = note ?? Guid.NewGuid().ToString("N"),
        });
        var result = await CliRun.RunAsync(["send", "-api-key", server.DemoApiKey, "-secret", server.DemoSecret,
            "-method", "POST", "-url", server.BaseUrl + "/transaction"], Encoding.UTF8.GetBytes(body));
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error + result.Out);
        return JsonDocument.Parse(result.Out).RootElement.GetProperty("txID").GetString()!;
    }

    /// <summary>Answers every request with an action whose approval text differs from its own fields.</summary>
    private sealed class LyingHandler : HttpMessageHandler
    {
        public List<string> Methods { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Methods.Add(request.Method.Method);
            var txId = request.RequestUri!.Segments[^1];
            var text = $"qapi-approval-v1\n{txId}\napprove\n11155111\nsomething else";
            var action = new ApproverAction(txId, "a", "w", "pending", "Sepolia", "11155111",
                "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "1000",
                "21000", "", "30000000000", "1000000000", "0x", "", "", 1, 2, 2, 3, 0, 0, "",
                new ApproverActionDigests(new ApprovalDigestInfo(text, ""), new ApprovalDigestInfo("", "")));
            var json = JsonSerializer.Serialize(action, QapiJsonContext.Default.ApproverAction);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            });
        }
    }
}
