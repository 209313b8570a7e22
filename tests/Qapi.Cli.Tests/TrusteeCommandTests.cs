using System.Text.Json;

namespace Qapi.Cli.Tests;

/// <summary>`qapi trustee`: a personal account's trusted parties, who answer with `qapi member accept`.</summary>
public sealed class TrusteeCommandTests(EmptyServerFixture server) : IClassFixture<EmptyServerFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qapi-cli-trustee-").FullName;

    [Fact]
    public async Task InviteAcceptDeclineRemove_TheListFollowsEachStep()
    {
        var people = new AdminPeople(server, _folder);
        var (ada, ben, cyd) = (await people.SignupAsync("ada"), await people.SignupAsync("ben"),
            await people.SignupAsync("cyd"));

        var invited = await ada.OkAsync("trustee", "invite", "--account", ada.Id, "--username", ben.Username);
        await ada.OkAsync("trustee", "invite", "--account", ada.Id, "--username", cyd.Username);
        var pending = await ada.OkAsync("trustee", "list", "--account", ada.Id);
        var waiting = await ben.OkAsync("member", "invitations");
        await ben.OkAsync("member", "accept", ada.Id);
        await cyd.OkAsync("member", "decline", ada.Id);
        var answered = Parties(await ada.OkAsync("trustee", "list", "--account", ada.Id, "--json"));
        var removed = await ada.OkAsync("trustee", "remove", ben.Id, "--account", ada.Id);
        var empty = Parties(await ada.OkAsync("trustee", "list", "--account", ada.Id, "--json"));

        Assert.Contains("member accept " + ada.Id, invited);
        Assert.Contains("yes", pending.Split('\n').Single(l => l.Contains(ben.Username, StringComparison.Ordinal)));
        Assert.Contains(cyd.Username, pending);
        Assert.Contains("trusted_party", waiting);
        Assert.Equal([(ben.Id, false)], answered);
        Assert.Contains("Removed trusted party " + ben.Id, removed);
        Assert.Empty(empty);
    }

    [Fact]
    public async Task Refusals_AnOrganizationOrAStranger_ExitOne_NoAccountExitsTwo()
    {
        var people = new AdminPeople(server, _folder);
        var (ada, ben) = (await people.SignupAsync("ada"), await people.SignupAsync("ben"));
        await ada.OkAsync("org", "create", "--name", "Acme", "--email", "ops@acme.test");
        var org = JsonDocument.Parse(await ada.OkAsync("org", "list", "--json")).RootElement
            .GetProperty("memberships")[0].GetProperty("organizationId").GetString()!;

        var onOrg = await ada.RunAsync("trustee", "list", "--account", org);
        var stranger = await ben.RunAsync("trustee", "invite", "--account", ada.Id, "--username", ben.Username);
        var noAccount = await ada.RunAsync("trustee", "list");

        Assert.Equal(ExitCodes.RequestFailed, onOrg.ExitCode);
        Assert.Contains("not_personal_account", onOrg.Error);
        Assert.Equal(ExitCodes.RequestFailed, stranger.ExitCode);
        Assert.Contains("404", stranger.Error);
        Assert.Equal(ExitCodes.BadInput, noAccount.ExitCode);
    }

    [Fact]
    public async Task MemberAcceptHelp_SaysItAnswersTrustedPartyInvitationsToo()
    {
        var help = await CliRun.RunAsync(["member", "accept", "--help"]);

        Assert.Equal(ExitCodes.Ok, help.ExitCode);
        Assert.Contains("trusted party", help.Out);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static List<(string?, bool)> Parties(string json) => JsonDocument.Parse(json).RootElement
        .EnumerateArray()
        .Select(p => (p.GetProperty("partyId").GetString(), p.GetProperty("pending").GetBoolean())).ToList();
}
