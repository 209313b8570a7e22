using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Keys;
using Qapi.Data.Services;
using Qapi.Server.Tests.Support;
using static Qapi.Server.Tests.Admin.InvitationTests;

namespace Qapi.Server.Tests.Admin;

/// <summary>An organization keeps an administrator, and a member a policy names stays.</summary>
[Collection(AdminCollection.Name)]
public sealed class MemberRuleTests(AdminServerFixture server)
{
    [Fact]
    public async Task LastAdministrator_CannotBeRemovedNorDemoted()
    {
        var founder = await server.SignUpAsync("fnd");
        var orgId = await founder.FoundOrganizationAsync();
        var head = await server.AuditHeadAsync();

        Assert.Equal((HttpStatusCode.Conflict, "last_administrator"),
            Error(await founder.Client.DeleteAsync($"/accounts/{orgId}/members/{founder.Id}")));
        Assert.Equal((HttpStatusCode.Conflict, "last_administrator"), Error(await founder.Client.PatchAsync(
            $"/accounts/{orgId}/members/{founder.Id}", new { role = "approver" })));
        Assert.Empty(await server.AuditAfterAsync(head));

        var second = await server.SignUpAsync("sec");
        await founder.JoinAsync(orgId, second, "administrator");
        Assert.Equal(HttpStatusCode.NoContent,
            (await second.Client.DeleteAsync($"/accounts/{orgId}/members/{founder.Id}")).Status);
        Assert.Equal((HttpStatusCode.NotFound, "account_not_found"),
            Error(await founder.Client.GetAsync($"/accounts/{orgId}")));
    }

    [Fact]
    public async Task PendingAdministrator_DoesNotCountAsTheOneThatStays()
    {
        var founder = await server.SignUpAsync("fnd");
        var invitee = await server.SignUpAsync("inv");
        var orgId = await founder.FoundOrganizationAsync();
        await founder.Client.PostAsync($"/accounts/{orgId}/members",
            new { username = invitee.Username, role = "administrator" });

        Assert.Equal((HttpStatusCode.Conflict, "last_administrator"),
            Error(await founder.Client.DeleteAsync($"/accounts/{orgId}/members/{founder.Id}")));
    }

    [Fact]
    public async Task MemberNamedByAPolicy_CannotBeRemoved()
    {
        var founder = await server.SignUpAsync("fnd");
        var approver = await server.SignUpAsync("apr");
        var orgId = await founder.FoundOrganizationAsync();
        await founder.JoinAsync(orgId, approver, "approver");
        await server.InScopeAsync(sp => sp.GetRequiredService<FundService>().CreateAsync(orgId, "Vault", "",
            [founder.Id, approver.Id], 2, default));

        Assert.Equal((HttpStatusCode.Conflict, "member_in_policy"),
            Error(await founder.Client.DeleteAsync($"/accounts/{orgId}/members/{approver.Id}")));
        var (_, members) = await founder.Client.GetAsync($"/accounts/{orgId}/members");
        Assert.Contains(members.EnumerateArray(), m => m.GetProperty("userId").GetString() == approver.Id);
    }

    [Fact]
    public async Task RemovedMember_LosesTheOrganizationsKeysTheyHeld()
    {
        var founder = await server.SignUpAsync("fnd");
        var member = await server.SignUpAsync("mem");
        var orgId = await founder.FoundOrganizationAsync();
        await founder.JoinAsync(orgId, member, "trader");
        var (keyId, secret) = await server.HeldKeyAsync(orgId, member.Id, ApiKeyPermissions.ReadOnly);
        using (var before = await server.ClientFor(keyId, secret).GetAsync("/account"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NoContent,
            (await founder.Client.DeleteAsync($"/accounts/{orgId}/members/{member.Id}")).Status);

        using var after = await server.ClientFor(keyId, secret).GetAsync("/account");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("key_revoked", await after.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("Administrator")]
    [InlineData(null)]
    public async Task UnknownRole_IsRefusedAndChangesNothing(string? role)
    {
        var founder = await server.SignUpAsync("fnd");
        var invitee = await server.SignUpAsync("inv");
        var orgId = await founder.FoundOrganizationAsync();
        var head = await server.AuditHeadAsync();

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_role"), Error(await founder.Client.PostAsync(
            $"/accounts/{orgId}/members", new { username = invitee.Username, role })));
        Assert.Equal(1, (await founder.Client.GetAsync($"/accounts/{orgId}/members")).Body.GetArrayLength());
        Assert.Empty(await server.AuditAfterAsync(head));
    }

    [Fact]
    public async Task InvitingTwiceOrAnUnknownPerson_IsRefused()
    {
        var founder = await server.SignUpAsync("fnd");
        var invitee = await server.SignUpAsync("inv");
        var orgId = await founder.FoundOrganizationAsync();
        await founder.Client.PostAsync($"/accounts/{orgId}/members",
            new { username = invitee.Username, role = "trader" });

        Assert.Equal((HttpStatusCode.Conflict, "already_member"), Error(await founder.Client.PostAsync(
            $"/accounts/{orgId}/members", new { username = invitee.Username, role = "approver" })));
        Assert.Equal((HttpStatusCode.NotFound, "user_not_found"), Error(await founder.Client.PostAsync(
            $"/accounts/{orgId}/members", new { username = "nobody-here", role = "approver" })));
        Assert.Equal((HttpStatusCode.Conflict, "already_member"), Error(await founder.Client.PostAsync(
            $"/accounts/{orgId}/members", new { username = founder.Username, role = "approver" })));
    }
}
