using System.Net;
using Qapi.Core.Approvals;
using Qapi.Core.Keys;
using Qapi.Server.Tests.Support;
using static Qapi.Server.Tests.Admin.InvitationTests;

namespace Qapi.Server.Tests.Admin;

/// <summary>Who may change what: roles, organizations the caller is not in, and keys without the permission.</summary>
[Collection(AdminCollection.Name)]
public sealed class AdminAuthorizationTests(AdminServerFixture server)
{
    [Theory]
    [InlineData("trader")]
    [InlineData("approver")]
    [InlineData("fund_organizer")]
    public async Task NonAdministrators_CannotInviteMembers_NorEnrollOthersKeys(string role)
    {
        var founder = await server.SignUpAsync("fnd");
        var member = await server.SignUpAsync("mem");
        var outsider = await server.SignUpAsync("out");
        var orgId = await founder.FoundOrganizationAsync();
        await founder.JoinAsync(orgId, member, role);
        var head = await server.AuditHeadAsync();

        Assert.Equal((HttpStatusCode.Forbidden, "role_forbidden"), Error(await member.Client.PostAsync(
            $"/accounts/{orgId}/members", new { username = outsider.Username, role = "trader" })));
        Assert.Equal((HttpStatusCode.Forbidden, "role_forbidden"), Error(await member.Client.PostAsync(
            $"/accounts/{orgId}/approvers/{founder.Id}/keys", NewKey())));
        Assert.Equal((HttpStatusCode.Forbidden, "role_forbidden"), Error(await member.Client.PatchAsync(
            $"/accounts/{orgId}/members/{founder.Id}", new { role = "trader" })));
        Assert.Equal((HttpStatusCode.Forbidden, "role_forbidden"), Error(await member.Client.PatchAsync(
            $"/accounts/{orgId}", new { name = "Taken over" })));
        Assert.Equal((HttpStatusCode.Forbidden, "role_forbidden"), Error(await member.Client.PostAsync(
            $"/accounts/{orgId}/agents", new { name = "bot" })));
        Assert.Empty(await server.AuditAfterAsync(head));

        // Their own key, though, they may enroll.
        var (own, _) = await member.Client.PostAsync($"/accounts/{orgId}/approvers/{member.Id}/keys",
            NewKey());
        Assert.Equal(HttpStatusCode.Created, own);
    }

    [Fact]
    public async Task AdministratorOfOneOrganization_CannotTouchAnother()
    {
        var adminA = await server.SignUpAsync("ada");
        var adminB = await server.SignUpAsync("adb");
        var orgA = await adminA.FoundOrganizationAsync("A");
        var orgB = await adminB.FoundOrganizationAsync("B");
        var head = await server.AuditHeadAsync();

        Assert.Equal(HttpStatusCode.OK, (await adminA.Client.GetAsync($"/accounts/{orgA}")).Status);
        Assert.Equal((HttpStatusCode.NotFound, "account_not_found"),
            Error(await adminA.Client.GetAsync($"/accounts/{orgB}")));
        Assert.Equal((HttpStatusCode.NotFound, "account_not_found"),
            Error(await adminA.Client.GetAsync($"/accounts/{orgB}/members")));
        Assert.Equal((HttpStatusCode.NotFound, "account_not_found"), Error(await adminA.Client.PostAsync(
            $"/accounts/{orgB}/members", new { username = adminA.Username, role = "administrator" })));
        Assert.Equal((HttpStatusCode.NotFound, "account_not_found"),
            Error(await adminA.Client.DeleteAsync($"/accounts/{orgB}/members/{adminB.Id}")));
        Assert.Equal((HttpStatusCode.NotFound, "account_not_found"),
            Error(await adminA.Client.PatchAsync($"/accounts/{adminB.Id}", new { firstName = "Mallory" })));
        Assert.Equal((HttpStatusCode.NotFound, "account_not_found"), Error(await adminA.Client.PostAsync(
            $"/accounts/{adminB.Id}/trustedparties", new { username = adminA.Username })));
        Assert.Empty(await server.AuditAfterAsync(head));
    }

    [Fact]
    public async Task KeyWithoutAdminPermission_CannotCallTheAdminApi()
    {
        var person = await server.SignUpAsync("ro");
        var (keyId, secret) = await server.KeyAsync(person.Id, ApiKeyPermissions.ReadOnly | ApiKeyPermissions.Web3);

        Assert.Equal((HttpStatusCode.Forbidden, "permission_missing"),
            Error(await server.AdminClientFor(keyId, secret).GetAsync("/me")));
        Assert.Equal((HttpStatusCode.Forbidden, "permission_missing"),
            Error(await server.AdminClientFor(server.Demo.ApiKey, server.Demo.Secret).GetAsync("/me")));
    }

    [Fact]
    public async Task AdminKey_CannotCallTheReadOnlyApi_WithoutItsPermission()
    {
        var person = await server.SignUpAsync("adm");

        using var response = await server.ClientFor(person.KeyId, person.Secret).GetAsync("/account");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("permission_missing", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OrganizationKeyIssuedToAnAdministrator_ActsOnThatOrganizationOnly()
    {
        var person = await server.SignUpAsync("two");
        var orgA = await person.FoundOrganizationAsync("A");
        var orgB = await person.FoundOrganizationAsync("B");
        var (keyId, secret) = await server.HeldKeyAsync(orgA, person.Id, ApiKeyPermissions.Admin);
        var orgKey = server.AdminClientFor(keyId, secret);

        Assert.Equal(HttpStatusCode.OK, (await orgKey.GetAsync($"/accounts/{orgA}")).Status);
        Assert.Equal((HttpStatusCode.NotFound, "account_not_found"),
            Error(await orgKey.GetAsync($"/accounts/{orgB}")));
        Assert.Equal((HttpStatusCode.NotFound, "account_not_found"),
            Error(await orgKey.PatchAsync($"/accounts/{orgB}", new { name = "Renamed" })));
        Assert.Equal((HttpStatusCode.NotFound, "account_not_found"),
            Error(await orgKey.GetAsync($"/accounts/{person.Id}")));
        Assert.Equal((HttpStatusCode.Forbidden, "personal_key_required"),
            Error(await orgKey.PostAsync("/orgs", new { name = "C", email = "c@c.test" })));

        // The person's own key reaches both.
        Assert.Equal(HttpStatusCode.OK, (await person.Client.GetAsync($"/accounts/{orgB}")).Status);
    }

    [Fact]
    public async Task DemotedAdministrator_LosesPowerAtOnce()
    {
        var founder = await server.SignUpAsync("fnd");
        var second = await server.SignUpAsync("sec");
        var orgId = await founder.FoundOrganizationAsync();
        await founder.JoinAsync(orgId, second, "administrator");
        Assert.Equal(HttpStatusCode.OK, (await second.Client.PatchAsync($"/accounts/{orgId}",
            new { address = "2 Street" })).Status);

        await founder.Client.PatchAsync($"/accounts/{orgId}/members/{second.Id}", new { role = "trader" });

        Assert.Equal((HttpStatusCode.Forbidden, "role_forbidden"),
            Error(await second.Client.PatchAsync($"/accounts/{orgId}", new { address = "3 Street" })));
    }

    [Fact]
    public async Task ApproverKeys_AnAdministratorEnrollsAgents_ButNotOtherPeople()
    {
        var founder = await server.SignUpAsync("fnd");
        var approver = await server.SignUpAsync("apr");
        var outsider = await server.SignUpAsync("out");
        var orgId = await founder.FoundOrganizationAsync();
        await founder.JoinAsync(orgId, approver, "approver");

        var (created, agent) = await founder.Client.PostAsync($"/accounts/{orgId}/agents", new { name = "Bot" });
        Assert.Equal(HttpStatusCode.Created, created);
        var agentId = agent.GetProperty("id").GetString();
        var (enrolled, key) = await founder.Client.PostAsync($"/accounts/{orgId}/approvers/{agentId}/keys",
            NewKey());
        Assert.Equal(HttpStatusCode.Created, enrolled);
        Assert.Equal(agentId, key.GetProperty("approverId").GetString());

        Assert.Equal((HttpStatusCode.Forbidden, "approver_key_self_only"), Error(await founder.Client.PostAsync(
            $"/accounts/{orgId}/approvers/{approver.Id}/keys", NewKey())));
        Assert.Equal((HttpStatusCode.NotFound, "approver_not_found"), Error(await founder.Client.PostAsync(
            $"/accounts/{orgId}/approvers/{outsider.Id}/keys", NewKey())));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_public_key"), Error(await founder.Client.PostAsync(
            $"/accounts/{orgId}/approvers/{founder.Id}/keys", new { publicKey = "02abcd" })));
    }

    private static object NewKey() => new { publicKey = ApproverKeys.Generate().PublicKeyHex };
}
