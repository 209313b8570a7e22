using System.Text.Json;
using Qapi.Core.Approvals;

namespace Qapi.Cli.Tests;

/// <summary>`qapi approver enroll` through a server: the key pair is made locally, the public key is sent.</summary>
[Collection(ServerCollection.Name)]
public sealed class ServerApproverEnrollTests(ServerFixture server) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qapi-cli-enroll-").FullName;

    [Fact]
    public async Task Enroll_Yourself_WritesTheKeyFileUnderHome_AndTheChannelAcceptsIt()
    {
        var alice = await AdminCredentials.FileForAsync(server, "alice", _folder);
        var home = Directory.CreateDirectory(Path.Combine(_folder, "home")).FullName;
        var environment = new Dictionary<string, string> { ["HOME"] = home };

        var enrolled = await CliRun.RunAsync(["approver", "enroll", "--credentials", alice, "--account",
            server.OrganizationId, "--name", "laptop"], environment: environment);

        Assert.True(enrolled.ExitCode == ExitCodes.Ok, enrolled.Error);
        var path = Path.Combine(home, ".qapi", "approvers", "alice.json");
        var file = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        var privateKey = file.GetProperty("privateKey").GetString()!;
        Assert.Equal(file.GetProperty("publicKey").GetString(), ApproverKeys.PublicKeyOf(privateKey));
        Assert.Equal(AccountIdOf(alice), file.GetProperty("memberId").GetString());
        Assert.Equal("laptop", file.GetProperty("name").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ServerKeysCommandTests.ModeOf(path));
        Assert.DoesNotContain(privateKey, enrolled.Out + enrolled.Error);
        Assert.Contains(file.GetProperty("keyId").GetString()!, enrolled.Out);

        var pending = await CliRun.RunAsync(["pending", "--key-file", path, "--url", server.Origin]);
        Assert.True(pending.ExitCode == ExitCodes.Ok, pending.Error);
    }

    [Fact]
    public async Task Enroll_ASigningAgent_ByTheAdministrator_AndAnApproverIsRefusedAndKeepsNoFile()
    {
        var (alice, bob) = (await AdminCredentials.FileForAsync(server, "alice", _folder),
            await AdminCredentials.FileForAsync(server, "bob", _folder));
        var agent = JsonDocument.Parse((await CliRun.RunAsync(["agent", "create", "--credentials", alice,
            "--account", server.OrganizationId, "--name", "bot", "--json"])).Out).RootElement
            .GetProperty("id").GetString()!;
        var (agentFile, bobsTry) = (Path.Combine(_folder, "agent.json"), Path.Combine(_folder, "bob-agent.json"));

        var enrolled = await CliRun.RunAsync(["approver", "enroll", "--credentials", alice, "--account",
            server.OrganizationId, "--agent", agent, "--out", agentFile]);
        var refused = await CliRun.RunAsync(["approver", "enroll", "--credentials", bob, "--account",
            server.OrganizationId, "--agent", agent, "--out", bobsTry]);

        Assert.True(enrolled.ExitCode == ExitCodes.Ok, enrolled.Error);
        Assert.Contains("signing agent " + agent, enrolled.Out);
        Assert.Equal(agent, JsonDocument.Parse(File.ReadAllText(agentFile)).RootElement.GetProperty("memberId")
            .GetString());
        Assert.Equal(ExitCodes.RequestFailed, refused.ExitCode);
        Assert.Contains("403", refused.Error);
        Assert.False(File.Exists(bobsTry));
    }

    [Theory]
    [InlineData("--member", "alice")]
    [InlineData("--out", "EXISTING")]
    [InlineData("--agent", " ")]
    [InlineData("--data", "DATA")]
    [InlineData()]
    public async Task Enroll_BadInput_ExitsTwoBeforeAnythingIsSent(params string[] extra)
    {
        var alice = await AdminCredentials.FileForAsync(server, "alice", _folder);
        var existing = Path.Combine(_folder, "existing.json");
        await File.WriteAllTextAsync(existing, "keep", TestContext.Current.CancellationToken);
        var args = extra.Select(a => a switch
        {
            "EXISTING" => existing,
            "DATA" => server.DataDirectory,
            _ => a,
        });
        var account = extra.Length == 0 ? [] : new[] { "--account", server.OrganizationId };
        var nothingSent = new RefusingHandler();

        var result = await CliRun.RunAsync(["approver", "enroll", "--credentials", alice, .. account, .. args],
            httpHandler: nothingSent);

        Assert.True(result.ExitCode == ExitCodes.BadInput, string.Join(' ', extra) + ": " + result.Error);
        Assert.Equal(0, nothingSent.Requests);
        Assert.Equal("keep", await File.ReadAllTextAsync(existing, TestContext.Current.CancellationToken));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string AccountIdOf(string credentials) =>
        JsonDocument.Parse(File.ReadAllText(credentials)).RootElement.GetProperty("accountId").GetString()!;

    /// <summary>Counts requests and answers none of them.</summary>
    private sealed class RefusingHandler : HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            throw new HttpRequestException("no requests expected");
        }
    }
}
