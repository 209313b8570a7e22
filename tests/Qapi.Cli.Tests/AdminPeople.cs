using System.Text.Json;

namespace Qapi.Cli.Tests;

/// <summary>People who signed up through `qapi signup --save`, each with a credentials file.</summary>
internal sealed class AdminPeople(EmptyServerFixture server, string folder)
{
    public async Task<AdminPerson> SignupAsync(string name)
    {
        var username = name + "-" + Guid.NewGuid().ToString("N")[..6];
        var path = Path.Combine(folder, username + ".json");
        var result = await CliRun.RunAsync(["signup", "--server", server.Origin, "--username", username,
            "--first-name", name, "--last-name", "Test", "--email", username + "@people.test", "--save", path,
            "--json"]);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        var id = JsonDocument.Parse(result.Out).RootElement.GetProperty("account").GetProperty("id").GetString()!;
        return new AdminPerson(id, username, path);
    }
}

/// <summary>A person's account id, username and credentials file; runs qapi as them.</summary>
internal sealed record AdminPerson(string Id, string Username, string File)
{
    public Task<CliResult> RunAsync(params string[] args) => CliRun.RunAsync([.. args, "--credentials", File]);

    public async Task<string> OkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == ExitCodes.Ok, $"qapi {string.Join(' ', args)}: {result.Error}");
        return result.Out;
    }
}
