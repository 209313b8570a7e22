using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Data;
using Qapi.Data.Services;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Security;

/// <summary>The API secret, the seed and signatures appear in no log line and no error body.</summary>
public sealed class SecretLeakTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Fact]
    public async Task SecretsSeedsAndSignatures_NeverReachLogsOrErrorBodies()
    {
        var bodies = new StringBuilder();
        var sent = new List<SigningParts>();
        var client = server.DemoClient;

        async Task SendAsync(HttpMethod method, string path, string? body, Action<SigningParts>? tamper = null)
        {
            var response = await client.SendAsync(method, path, body, p =>
            {
                tamper?.Invoke(p);
                sent.Add(p);
            });
            bodies.AppendLine(await response.Content.ReadAsStringAsync());
        }

        await SendAsync(HttpMethod.Get, "/balance", null);
        await SendAsync(HttpMethod.Get, "/balance", null, p => p.Secret = new string('B', 64));
        await SendAsync(HttpMethod.Get, "/balance", null, p => p.Timestamp = "1");
        await SendAsync(HttpMethod.Get, "/balance", null, p => p.KeyId = "unknown");
        await SendAsync(HttpMethod.Post, "/test/echo", "{\"secret\":\"x\"}", p => p.Body = "{}");
        await SendAsync(HttpMethod.Get, "/funds/does-not-exist", null);
        await SendAsync(HttpMethod.Get, "/trustedparties", null);
        await SendAsync(HttpMethod.Get, $"/wallet/{server.Demo.WalletId}/history?limit=-4", null);

        // The client fills in each signature after the tamper hook, so read them once the requests are sent.
        var sentSignatures = sent.Select(p => p.Signature!).ToList();
        Assert.All(sentSignatures, s => Assert.True(s.Length >= 43));
        var mnemonic = await server.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QapiDbContext>();
            var org = await db.Accounts.FindAsync(server.Demo.OrganizationId);
            return sp.GetRequiredService<SeedVault>().Open(org!);
        });
        var logs = string.Join('\n', server.Logs.Lines);
        Assert.NotEmpty(server.Logs.Lines);

        foreach (var haystack in new[] { logs, bodies.ToString() })
        {
            Assert.DoesNotContain(server.Demo.Secret, haystack);
            Assert.DoesNotContain(mnemonic, haystack);
            Assert.DoesNotContain(string.Join(' ', mnemonic.Split(' ').Take(3)), haystack);
            foreach (var signature in sentSignatures)
            {
                Assert.DoesNotContain(signature, haystack);
            }
        }
    }

    [Fact]
    public async Task WalletKeys_NeverReachLogsOrResponses()
    {
        var kit = await new Web3Kit(server).EnrollAsync("alice", "bob", "carol");
        var txId = (await kit.CreateAsync()).GetProperty("txID").GetString()!;
        await kit.DecideAsync(txId, "alice", Core.Approvals.ApprovalDecision.Approve);
        await kit.DecideAsync(txId, "bob", Core.Approvals.ApprovalDecision.Approve);
        var status = await (await server.DemoClient.GetAsync($"/transactions/{txId}/status")).Content
            .ReadAsStringAsync();

        var walletKey = await server.InScopeAsync(async sp =>
        {
            var wallet = await sp.GetRequiredService<QapiDbContext>().Wallets.FindAsync(server.Demo.WalletId);
            return Convert.ToHexStringLower(sp.GetRequiredService<SeedVault>().OpenWalletKey(wallet!.Id,
                wallet.EncryptedKey));
        });
        var logs = string.Join('\n', server.Logs.Lines);

        Assert.Contains("\"approved\"", status);
        Assert.DoesNotContain(walletKey, status, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(walletKey, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(kit.Approvers["alice"].PrivateKey, logs, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SecretsAndSeeds_AreNotStoredInPlainText()
    {
        var mnemonic = await server.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QapiDbContext>();
            var org = await db.Accounts.FindAsync(server.Demo.OrganizationId);
            return sp.GetRequiredService<SeedVault>().Open(org!);
        });
        var store = string.Concat(Directory.GetFiles(server.DataDirectory, "qapi.db*")
            .Select(f => Encoding.UTF8.GetString(ReadShared(f))));

        Assert.Equal(24, mnemonic.Split(' ').Length);
        Assert.DoesNotContain(server.Demo.Secret, store);
        Assert.DoesNotContain(mnemonic.Split(' ')[0] + " " + mnemonic.Split(' ')[1], store);
    }

    [Fact]
    public void KeyFileAndDemoCredentials_AreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var name in new[] { "qapi.kek", "demo-credentials.json" })
        {
            var mode = File.GetUnixFileMode(Path.Combine(server.DataDirectory, name));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        }
    }

    [Fact]
    public async Task ErrorBodies_DoNotEchoTheSignatureHeader()
    {
        var response = await server.DemoClient.SendAsync(HttpMethod.Get, "/balance", null,
            p => p.Signature = "not-a-real-signature-but-distinctive");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("distinctive", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("distinctive", string.Join('\n', server.Logs.Lines));
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
