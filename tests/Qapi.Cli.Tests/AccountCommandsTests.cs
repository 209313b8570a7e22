using System.Text.Json;

namespace Qapi.Cli.Tests;

/// <summary>`qapi org` and `qapi member`: tables by default, the server's reasons on refusal.</summary>
public sealed class AccountCommandsTests(EmptyServerFixture server) : IClassFixture<EmptyServerFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qapi-cli-accounts-").FullName;

    [Fact]
    public async Task OrgAndMembers_PrintReadableTables_AndInvitationsWaitForTheInvitedPerson()
    {
        var people = new AdminPeople(server, _folder);
        var (ada, ben) = (await people.SignupAsync("ada"), await people.SignupAsync("ben"));
        var created = await ada.OkAsync("org", "create", "--name", "[Acme]", "--email", "ops@acme.test");
        var org = Id(await ada.OkAsync("org", "list", "--json"));

        await ada.OkAsync("member", "invite", "--org", org, "--username", ben.Username, "--role", "trader");
        var pending = await ada.OkAsync("member", "list", "--org", org);
        var invitations = await ben.OkAsync("member", "invitations");
        await ben.OkAsync("member", "accept", org);
        var role = await ada.OkAsync("member", "role", ben.Id, "--org", org, "--role", "fund_organizer");
        var orgs = await ben.OkAsync("org", "list");
        var shown = await ada.OkAsync("org", "show", org);
        var updated = await ada.OkAsync("org", "update", org, "--domain", "acme.test");

        Assert.Contains("Created organization [Acme]", created);
        Assert.Contains("mnemonic", created);
        var benRow = pending.Split('\n').Single(l => l.Contains(ben.Username, StringComparison.Ordinal));
        Assert.Contains("trader", benRow);
        Assert.Contains("yes", benRow);
        Assert.Contains("[Acme]", invitations);
        Assert.Contains("fund_organizer", role);
        Assert.Contains("fund_organizer", orgs.Split('\n').Single(l => l.Contains(org, StringComparison.Ordinal)));
        Assert.Contains("FIELD", shown);
        Assert.Contains("[Acme]", shown);
        Assert.Contains("acme.test", updated);
    }

    [Fact]
    public async Task Refusals_PrintTheServersReason_AndExitOne_BadInputExitsTwo()
    {
        var people = new AdminPeople(server, _folder);
        var (ada, ben, cyd) = (await people.SignupAsync("ada"), await people.SignupAsync("ben"),
            await people.SignupAsync("cyd"));
        await ada.OkAsync("org", "create", "--name", "Acme", "--email", "ops@acme.test");
        var org = Id(await ada.OkAsync("org", "list", "--json"));
        await ada.OkAsync("member", "invite", "--org", org, "--username", ben.Username, "--role", "approver");

        var byOther = await cyd.RunAsync("member", "accept", org);
        var declined = await ben.RunAsync("member", "decline", org);
        var afterDecline = await ada.OkAsync("member", "list", "--org", org, "--json");
        var outsider = await cyd.RunAsync("member", "list", "--org", org);
        var badRole = await ada.RunAsync("member", "invite", "--org", org, "--username", "x", "--role", "boss");
        var nothing = await ada.RunAsync("org", "update", org);

        Assert.Equal(ExitCodes.RequestFailed, byOther.ExitCode);
        Assert.StartsWith("qapi: The server answered 404", byOther.Error);
        Assert.Equal(ExitCodes.Ok, declined.ExitCode);
        Assert.DoesNotContain(ben.Id, afterDecline);
        Assert.Equal(ExitCodes.RequestFailed, outsider.ExitCode);
        Assert.Contains("404", outsider.Error);
        Assert.Equal(ExitCodes.BadInput, badRole.ExitCode);
        Assert.Equal(ExitCodes.BadInput, nothing.ExitCode);
        Assert.Contains("Nothing to change", nothing.Error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Id(string meJson) => JsonDocument.Parse(meJson).RootElement.GetProperty("memberships")[0]
        .GetProperty("organizationId").GetString()!;
}
