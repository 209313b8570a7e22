using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Wallets;
using Qapi.Data;
using Qapi.Data.Services;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin;

/// <summary><c>POST /signup</c>: a personal account with a working admin key, the mnemonic shown once.</summary>
[Collection(AdminCollection.Name)]
public sealed class SignupTests(AdminServerFixture server)
{
    [Fact]
    public async Task Signup_ReturnsAWorkingAdminKeyAndTheMnemonicOnce()
    {
        var head = await server.AuditHeadAsync();
        var person = await server.SignUpAsync("sig");

        var (status, me) = await person.Client.GetAsync("/me");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(person.Id, me.GetProperty("account").GetProperty("id").GetString());
        Assert.Equal(person.Username, me.GetProperty("account").GetProperty("username").GetString());
        Assert.Equal("personal", me.GetProperty("account").GetProperty("kind").GetString());
        Assert.Equal(0, me.GetProperty("memberships").GetArrayLength());
        Assert.Equal(24, person.Mnemonic.Split(' ').Length);

        // Shown once: nothing later returns it, and neither it nor the secret reaches the logs or the audit.
        var (_, account) = await person.Client.GetAsync($"/accounts/{person.Id}");
        Assert.DoesNotContain(person.Mnemonic, account.GetRawText());
        var logs = string.Join('\n', server.Logs.Lines);
        Assert.DoesNotContain(person.Mnemonic, logs);
        Assert.DoesNotContain(person.Secret, logs);
        var entries = await server.AuditAfterAsync(head);
        Assert.Equal(["account.create", "api_key.create"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal($"person:{person.Id} key:{person.KeyId}", e.Actor));
        Assert.All(entries, e => Assert.DoesNotContain(person.Secret, e.Detail));
        Assert.All(entries, e => Assert.DoesNotContain(person.Mnemonic, e.Detail));
    }

    [Fact]
    public async Task Signup_Mnemonic_DerivesTheAccountsWalletAddresses()
    {
        var person = await server.SignUpAsync("seed");
        var address = await server.InScopeAsync(async sp =>
        {
            var fund = await sp.GetRequiredService<FundService>().CreateAsync(person.Id, "Mine", "", [person.Id], 1,
                default);
            var wallet = await sp.GetRequiredService<WalletService>().CreateAsync(person.Id, fund.Id, "ETH",
                "ETH-TESTNET", WalletType.Standard, sandbox: true, default);
            return wallet.Address;
        });

        AccountRestoreService.Verify(person.Mnemonic, [address]);
        var other = await server.SignUpAsync("seed");
        Assert.ThrowsAny<Exception>(() => AccountRestoreService.Verify(other.Mnemonic, [address]));
    }

    [Theory]
    [InlineData("""{"username":"A","firstName":"x","lastName":"y","email":"a@b.test"}""", "invalid_username")]
    [InlineData("""{"username":"ab","firstName":"x","lastName":"y","email":"a@b.test"}""", "invalid_username")]
    [InlineData("""{"username":"has space","firstName":"x","lastName":"y","email":"a@b.test"}""",
        "invalid_username")]
    [InlineData("""{"username":"okname1","firstName":"x","lastName":"y","email":"not-an-email"}""",
        "invalid_email")]
    [InlineData("""{"username":"okname1","firstName":"","lastName":"y","email":"a@b.test"}""", "field_required")]
    [InlineData("""{"username":"okname1","firstName":"x","lastName":"y"}""", "field_required")]
    [InlineData("""{"username":1}""", "malformed_body")]
    [InlineData("", "body_required")]
    public async Task Signup_BadInput_IsRefusedAndCreatesNothing(string body, string error)
    {
        var before = await CountsAsync();

        using var response = await server.Http.PostAsync(server.Origin + AdminSeeding.AdminBase + "/signup",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(error, json.GetProperty("detail").GetProperty("error").GetString());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Signup_TakenUsername_IsAConflict_AndCreatesNothing()
    {
        var person = await server.SignUpAsync("dup");
        var before = await CountsAsync();

        using var response = await server.Http.PostAsJsonAsync(server.Origin + AdminSeeding.AdminBase + "/signup",
            new { username = person.Username, firstName = "A", lastName = "B", email = "x@y.test" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("username_taken", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Signup_IsNotSigned_ButEveryOtherAdminRouteIs()
    {
        using var response = await server.Http.GetAsync(server.Origin + AdminSeeding.AdminBase + "/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("missing_header", await response.Content.ReadAsStringAsync());
    }

    private Task<(int Accounts, int Keys, int Audit)> CountsAsync() =>
        server.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QapiDbContext>();
            return (await db.Accounts.CountAsync(), await db.ApiKeys.CountAsync(), await db.AuditEntries.CountAsync());
        });
}
