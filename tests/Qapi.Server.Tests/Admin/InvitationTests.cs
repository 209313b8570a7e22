using System.Net;
using System.Text.Json;
using Qapi.Core.Keys;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin;

/// <summary>Members and trusted parties are pending until the invited person accepts, with their own key.</summary>
[Collection(AdminCollection.Name)]
public sealed class InvitationTests(AdminServerFixture server)
{
    [Fact]
    public async Task TrustedParty_IsPendingUntilAccepted_AndOnlyTheInviteeCanAccept()
    {
        var owner = await server.SignUpAsync("own");
        var party = await server.SignUpAsync("cus");
        var stranger = await server.SignUpAsync("str");

        var (invited, created) = await owner.Client.PostAsync($"/accounts/{owner.Id}/trustedparties",
            new { username = party.Username });
        Assert.Equal(HttpStatusCode.Created, invited);
        Assert.True(created.GetProperty("pending").GetBoolean());
        Assert.Equal([true], await TrustedPartiesPendingAsync(owner, party.Id));

        var (_, waiting) = await party.Client.GetAsync("/me/invitations");
        var invitation = Assert.Single(waiting.EnumerateArray());
        Assert.Equal(owner.Id, invitation.GetProperty("accountId").GetString());
        Assert.Equal("trusted_party", invitation.GetProperty("kind").GetString());

        var (strangerStatus, _) = await stranger.Client.PostAsync($"/me/invitations/{owner.Id}/accept");
        Assert.Equal(HttpStatusCode.NotFound, strangerStatus);
        Assert.Equal([true], await TrustedPartiesPendingAsync(owner, party.Id));

        var (accepted, _) = await party.Client.PostAsync($"/me/invitations/{owner.Id}/accept");
        Assert.Equal(HttpStatusCode.OK, accepted);
        Assert.Equal([false], await TrustedPartiesPendingAsync(owner, party.Id));
        var (_, after) = await party.Client.GetAsync("/me/invitations");
        Assert.Equal(0, after.GetArrayLength());
    }

    [Fact]
    public async Task DeclinedTrustedParty_VanishesFromTrustedParties()
    {
        var owner = await server.SignUpAsync("own");
        var party = await server.SignUpAsync("cus");
        await owner.Client.PostAsync($"/accounts/{owner.Id}/trustedparties", new { username = party.Username });
        Assert.Equal([true], await TrustedPartiesPendingAsync(owner, party.Id));

        var (declined, _) = await party.Client.PostAsync($"/me/invitations/{owner.Id}/decline");

        Assert.Equal(HttpStatusCode.NoContent, declined);
        Assert.Empty(await TrustedPartiesPendingAsync(owner, party.Id));
        var (again, _) = await party.Client.PostAsync($"/me/invitations/{owner.Id}/accept");
        Assert.Equal(HttpStatusCode.NotFound, again);
    }

    [Fact]
    public async Task Member_IsPendingUntilAccepted_AndCanDoNothingMeanwhile()
    {
        var founder = await server.SignUpAsync("fnd");
        var invitee = await server.SignUpAsync("inv");
        var stranger = await server.SignUpAsync("str");
        var orgId = await founder.FoundOrganizationAsync();

        var (invited, member) = await founder.Client.PostAsync($"/accounts/{orgId}/members",
            new { username = invitee.Username, role = "approver" });
        Assert.Equal(HttpStatusCode.Created, invited);
        Assert.True(member.GetProperty("pending").GetBoolean());
        Assert.Equal(founder.Id, member.GetProperty("invitedBy").GetString());
        Assert.Equal((HttpStatusCode.NotFound, "account_not_found"),
            Error(await invitee.Client.GetAsync($"/accounts/{orgId}")));
        Assert.DoesNotContain(invitee.Id, await ActiveMembersOnAccountAsync(orgId, founder));

        Assert.Equal(HttpStatusCode.NotFound,
            (await stranger.Client.PostAsync($"/me/invitations/{orgId}/accept")).Status);
        var (_, me) = await invitee.Client.GetAsync("/me");
        Assert.True(Assert.Single(me.GetProperty("memberships").EnumerateArray()).GetProperty("pending")
            .GetBoolean());

        var (accepted, answer) = await invitee.Client.PostAsync($"/me/invitations/{orgId}/accept");
        Assert.Equal(HttpStatusCode.OK, accepted);
        Assert.Equal("approver", answer.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, (await invitee.Client.GetAsync($"/accounts/{orgId}")).Status);
        Assert.Contains(invitee.Id, await ActiveMembersOnAccountAsync(orgId, founder));
    }

    [Fact]
    public async Task DeclinedMember_VanishesFromTheMemberList()
    {
        var founder = await server.SignUpAsync("fnd");
        var invitee = await server.SignUpAsync("inv");
        var orgId = await founder.FoundOrganizationAsync();
        await founder.Client.PostAsync($"/accounts/{orgId}/members",
            new { username = invitee.Username, role = "trader" });

        var (declined, _) = await invitee.Client.PostAsync($"/me/invitations/{orgId}/decline");

        Assert.Equal(HttpStatusCode.NoContent, declined);
        var (_, members) = await founder.Client.GetAsync($"/accounts/{orgId}/members");
        Assert.DoesNotContain(members.EnumerateArray(), m => m.GetProperty("userId").GetString() == invitee.Id);
        Assert.Equal(0, (await invitee.Client.GetAsync("/me")).Body.GetProperty("memberships").GetArrayLength());
    }

    [Fact]
    public async Task AnsweringAnInvitation_NeedsThePersonsOwnKey()
    {
        var founder = await server.SignUpAsync("fnd");
        var invitee = await server.SignUpAsync("inv");
        var orgA = await invitee.FoundOrganizationAsync("Invitee's own");
        var orgB = await founder.FoundOrganizationAsync();
        await founder.Client.PostAsync($"/accounts/{orgB}/members",
            new { username = invitee.Username, role = "trader" });
        var (keyId, secret) = await server.HeldKeyAsync(orgA, invitee.Id, ApiKeyPermissions.Admin);

        var orgKey = server.AdminClientFor(keyId, secret);
        Assert.Equal((HttpStatusCode.Forbidden, "personal_key_required"),
            Error(await orgKey.PostAsync($"/me/invitations/{orgB}/accept")));
        Assert.Equal(HttpStatusCode.OK, (await invitee.Client.PostAsync($"/me/invitations/{orgB}/accept")).Status);
    }

    private async Task<List<bool>> TrustedPartiesPendingAsync(AdminPerson owner, string partyId)
    {
        var (keyId, secret) = await server.KeyAsync(owner.Id, ApiKeyPermissions.ReadOnly);
        using var response = await server.ClientFor(keyId, secret).GetAsync("/trustedparties");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.GetProperty("members").EnumerateArray()
            .Where(p => p.GetProperty("userID").GetString() == partyId)
            .Select(p => p.GetProperty("pending").GetBoolean()).ToList();
    }

    private async Task<List<string>> ActiveMembersOnAccountAsync(string orgId, AdminPerson administrator)
    {
        var (keyId, secret) = await server.HeldKeyAsync(orgId, administrator.Id, ApiKeyPermissions.ReadOnly);
        using var response = await server.ClientFor(keyId, secret).GetAsync("/account");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.GetProperty("settings").GetProperty("members").EnumerateArray()
            .Select(m => m.GetProperty("id").GetString()!).ToList();
    }

    internal static (HttpStatusCode, string?) Error((HttpStatusCode Status, JsonElement Body) answer) =>
        (answer.Status, answer.Body.ValueKind == JsonValueKind.Object
            ? answer.Body.GetProperty("detail").GetProperty("error").GetString()
            : null);
}
