using System.Net;
using System.Text.Json;

namespace Qapi.Server.Tests.Admin;

/// <summary><c>GET /accounts/{id}/trustedparties</c>: a personal account's trusted parties, for its owner.</summary>
[Collection(AdminCollection.Name)]
public sealed class TrustedPartyListTests(AdminServerFixture server)
{
    [Fact]
    public async Task List_ShowsPendingThenActive_AndADeclinedPartyVanishes()
    {
        var owner = await server.SignUpAsync("own");
        var (kept, declined) = (await server.SignUpAsync("kep"), await server.SignUpAsync("dec"));
        await owner.Client.PostAsync($"/accounts/{owner.Id}/trustedparties", new { username = kept.Username });
        await owner.Client.PostAsync($"/accounts/{owner.Id}/trustedparties", new { username = declined.Username });

        var (status, invited) = await owner.Client.GetAsync($"/accounts/{owner.Id}/trustedparties");
        await kept.Client.PostAsync($"/me/invitations/{owner.Id}/accept");
        await declined.Client.PostAsync($"/me/invitations/{owner.Id}/decline");
        var (_, after) = await owner.Client.GetAsync($"/accounts/{owner.Id}/trustedparties");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([(kept.Id, true), (declined.Id, true)], Parties(invited));
        Assert.Equal(kept.Username, invited[0].GetProperty("username").GetString());
        Assert.Equal([(kept.Id, false)], Parties(after));
    }

    [Fact]
    public async Task List_ByAStranger_Is404_AndOnAnOrganization_Is400()
    {
        var owner = await server.SignUpAsync("own");
        var stranger = await server.SignUpAsync("str");
        var org = await owner.FoundOrganizationAsync();

        var byStranger = await stranger.Client.GetAsync($"/accounts/{owner.Id}/trustedparties");
        var onOrg = await owner.Client.GetAsync($"/accounts/{org}/trustedparties");

        Assert.Equal(HttpStatusCode.NotFound, byStranger.Status);
        Assert.Equal((HttpStatusCode.BadRequest, "not_personal_account"), InvitationTests.Error(onOrg));
    }

    private static List<(string?, bool)> Parties(JsonElement list) => list.EnumerateArray()
        .Select(p => (p.GetProperty("partyId").GetString(), p.GetProperty("pending").GetBoolean())).ToList();
}
