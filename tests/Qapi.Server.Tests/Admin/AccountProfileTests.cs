using System.Net;
using Qapi.Server.Tests.Support;
using static Qapi.Server.Tests.Admin.InvitationTests;

namespace Qapi.Server.Tests.Admin;

/// <summary><c>GET/PATCH /accounts/{accountId}</c>: checked fields, and bad input changes nothing.</summary>
[Collection(AdminCollection.Name)]
public sealed class AccountProfileTests(AdminServerFixture server)
{
    [Fact]
    public async Task PersonalProfile_Changes_AndOneAuditEntryRecordsIt()
    {
        var person = await server.SignUpAsync("pro");
        var head = await server.AuditHeadAsync();

        var (status, profile) = await person.Client.PatchAsync($"/accounts/{person.Id}",
            new { firstName = "Ada", defaultFiat = "EUR", testnetAssets = false });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Ada", profile.GetProperty("firstName").GetString());
        Assert.Equal("EUR", profile.GetProperty("defaultFiat").GetString());
        Assert.False(profile.GetProperty("testnetAssets").GetBoolean());
        var entry = Assert.Single(await server.AuditAfterAsync(head));
        Assert.Equal("account.update", entry.Action);
        Assert.Equal($"person:{person.Id} key:{person.KeyId}", entry.Actor);
    }

    [Fact]
    public async Task OrganizationProfile_Changes()
    {
        var founder = await server.SignUpAsync("fnd");
        var orgId = await founder.FoundOrganizationAsync();

        var (status, profile) = await founder.Client.PatchAsync($"/accounts/{orgId}",
            new { name = "Renamed Org", domain = "Renamed.Test", address = "9 Road" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Renamed Org", profile.GetProperty("name").GetString());
        Assert.Equal("renamed.test", profile.GetProperty("domain").GetString());
        Assert.Equal("organization", profile.GetProperty("kind").GetString());
    }

    public static TheoryData<string, string> BadPersonalChanges => new()
    {
        { """{"defaultFiat":"usd"}""", "invalid_fiat" },
        { """{"defaultFiat":"EURO"}""", "invalid_fiat" },
        { """{"firstName":"Ada","email":"nope"}""", "invalid_email" },
        { """{"firstName":""}""", "field_required" },
        { """{"domain":"x.test"}""", "field_not_applicable" },
        { """{"testnetAssets":"yes"}""", "malformed_body" },
        { """[]""", "malformed_body" },
    };

    [Theory]
    [MemberData(nameof(BadPersonalChanges))]
    public async Task BadProfileChange_IsRefusedAndChangesNothing(string body, string error)
    {
        var person = await server.SignUpAsync("bad");
        var (_, before) = await person.Client.GetAsync($"/accounts/{person.Id}");
        var head = await server.AuditHeadAsync();

        var answer = await person.Client.SendAsync(HttpMethod.Patch, $"/accounts/{person.Id}", body);

        Assert.Equal((HttpStatusCode.BadRequest, error), Error(answer));
        var (_, after) = await person.Client.GetAsync($"/accounts/{person.Id}");
        Assert.Equal(before.GetRawText(), after.GetRawText());
        Assert.Empty(await server.AuditAfterAsync(head));
    }

    [Fact]
    public async Task OrganizationFields_MustFitAnOrganization()
    {
        var founder = await server.SignUpAsync("fnd");
        var orgId = await founder.FoundOrganizationAsync();

        Assert.Equal((HttpStatusCode.BadRequest, "field_not_applicable"),
            Error(await founder.Client.PatchAsync($"/accounts/{orgId}", new { defaultFiat = "EUR" })));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_domain"),
            Error(await founder.Client.PatchAsync($"/accounts/{orgId}", new { domain = "not a domain" })));
        Assert.Equal((HttpStatusCode.BadRequest, "field_too_long"),
            Error(await founder.Client.PatchAsync($"/accounts/{orgId}", new { name = new string('x', 101) })));
    }
}
