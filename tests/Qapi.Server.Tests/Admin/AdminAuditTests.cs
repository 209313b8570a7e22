using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Approvals;
using Qapi.Data.Audit;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin;

/// <summary>Every admin change appears in the audit log exactly once, naming the person and the key.</summary>
[Collection(AdminCollection.Name)]
public sealed class AdminAuditTests(AdminServerFixture server)
{
    [Fact]
    public async Task EveryAdminChange_AppearsOnce_WithThePersonAndKeyAsActor()
    {
        var founder = await server.SignUpAsync("fnd");
        var member = await server.SignUpAsync("mem");
        var party = await server.SignUpAsync("tpy");
        var head = await server.AuditHeadAsync();
        var byFounder = $"person:{founder.Id} key:{founder.KeyId}";
        var byMember = $"person:{member.Id} key:{member.KeyId}";
        var byParty = $"person:{party.Id} key:{party.KeyId}";

        var orgId = await founder.FoundOrganizationAsync();
        await Expect(HttpStatusCode.Created, founder.Client.PostAsync($"/accounts/{orgId}/members",
            new { username = member.Username, role = "trader" }));
        await Expect(HttpStatusCode.OK, member.Client.PostAsync($"/me/invitations/{orgId}/accept"));
        await Expect(HttpStatusCode.OK, founder.Client.PatchAsync($"/accounts/{orgId}/members/{member.Id}",
            new { role = "approver" }));
        await Expect(HttpStatusCode.OK, founder.Client.PatchAsync($"/accounts/{orgId}", new { address = "5 Lane" }));
        var (_, agent) = await Expect(HttpStatusCode.Created, founder.Client.PostAsync($"/accounts/{orgId}/agents",
            new { name = "Bot" }));
        var agentId = agent.GetProperty("id").GetString()!;
        await Expect(HttpStatusCode.Created, founder.Client.PostAsync(
            $"/accounts/{orgId}/approvers/{agentId}/keys", NewKey()));
        await Expect(HttpStatusCode.Created, member.Client.PostAsync(
            $"/accounts/{orgId}/approvers/{member.Id}/keys", NewKey()));
        await Expect(HttpStatusCode.NoContent, founder.Client.DeleteAsync($"/accounts/{orgId}/members/{member.Id}"));
        await Expect(HttpStatusCode.Created, founder.Client.PostAsync($"/accounts/{orgId}/members",
            new { username = party.Username, role = "trader" }));
        await Expect(HttpStatusCode.NoContent, party.Client.PostAsync($"/me/invitations/{orgId}/decline"));
        await Expect(HttpStatusCode.Created, founder.Client.PostAsync($"/accounts/{founder.Id}/trustedparties",
            new { username = party.Username }));
        await Expect(HttpStatusCode.NoContent, party.Client.PostAsync($"/me/invitations/{founder.Id}/decline"));
        await Expect(HttpStatusCode.Created, founder.Client.PostAsync($"/accounts/{founder.Id}/trustedparties",
            new { username = party.Username }));
        await Expect(HttpStatusCode.OK, party.Client.PostAsync($"/me/invitations/{founder.Id}/accept"));
        await Expect(HttpStatusCode.NoContent,
            founder.Client.DeleteAsync($"/accounts/{founder.Id}/trustedparties/{party.Id}"));

        var entries = await server.AuditAfterAsync(head);
        (string Action, string Actor, string Account)[] expected =
        [
            ("account.create", byFounder, orgId),
            ("member.invite", byFounder, orgId),
            ("member.accept", byMember, orgId),
            ("member.role", byFounder, orgId),
            ("account.update", byFounder, orgId),
            ("signing_agent.create", byFounder, orgId),
            ("approver_key.enroll", byFounder, orgId),
            ("approver_key.enroll", byMember, member.Id),
            ("member.remove", byFounder, orgId),
            ("member.invite", byFounder, orgId),
            ("member.decline", byParty, orgId),
            ("trusted_party.invite", byFounder, founder.Id),
            ("trusted_party.decline", byParty, founder.Id),
            ("trusted_party.invite", byFounder, founder.Id),
            ("trusted_party.accept", byParty, founder.Id),
            ("trusted_party.remove", byFounder, founder.Id),
        ];
        Assert.Equal(expected, entries.Select(e => (e.Action, e.Actor, e.AccountId)));
        var verified = await server.InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync(default));
        Assert.True(verified.IsIntact);
    }

    private static async Task<(HttpStatusCode, System.Text.Json.JsonElement)> Expect(
        HttpStatusCode expected, Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> call)
    {
        var answer = await call;
        Assert.True(answer.Status == expected, $"{answer.Status}: {answer.Body}");
        return answer;
    }

    private static object NewKey() => new { publicKey = ApproverKeys.Generate().PublicKeyHex };
}
