using System.Text.Json;

namespace Qapi.Cli.Tests;

/// <summary>`qapi me show|update`: the caller's own personal account.</summary>
public sealed class MeCommandTests(EmptyServerFixture server) : IClassFixture<EmptyServerFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qapi-cli-me-").FullName;

    [Fact]
    public async Task ShowAndUpdate_ChangeOnlyWhatIsGiven()
    {
        var ada = await new AdminPeople(server, _folder).SignupAsync("ada");
        await ada.OkAsync("org", "create", "--name", "Acme", "--email", "ops@acme.test");

        var shown = await ada.OkAsync("me", "show");
        var updated = await ada.OkAsync("me", "update", "--first-name", "Augusta", "--default-fiat", "eur",
            "--testnet-assets", "false");
        var account = JsonDocument.Parse(await ada.OkAsync("me", "show", "--json")).RootElement
            .GetProperty("account");

        Assert.Contains(ada.Username, shown);
        Assert.Contains("FIELD", shown);
        Assert.Contains("administrator", shown.Split('\n').Single(l => l.Contains("Acme", StringComparison.Ordinal)));
        Assert.Contains("Augusta", updated);
        Assert.Equal("Augusta", account.GetProperty("firstName").GetString());
        Assert.Equal("Test", account.GetProperty("lastName").GetString());
        Assert.Equal("EUR", account.GetProperty("defaultFiat").GetString());
        Assert.False(account.GetProperty("testnetAssets").GetBoolean());
    }

    [Theory]
    [InlineData()]
    [InlineData("--email", "not-an-email")]
    [InlineData("--default-fiat", "EURO")]
    [InlineData("--first-name", " ")]
    public async Task Update_BadInput_ExitsTwoBeforeAnythingIsSent(params string[] input)
    {
        var ada = await new AdminPeople(server, _folder).SignupAsync("ada");
        var nothingSent = new CountingHandler();

        var result = await CliRun.RunAsync(["me", "update", "--credentials", ada.File, .. input],
            httpHandler: nothingSent);

        Assert.True(result.ExitCode == ExitCodes.BadInput, string.Join(' ', input) + ": " + result.Error);
        Assert.Equal(0, nothingSent.Requests);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Counts requests and answers none of them.</summary>
    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            throw new HttpRequestException("no requests expected");
        }
    }
}
