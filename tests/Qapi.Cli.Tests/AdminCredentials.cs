using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Keys;
using Qapi.Core.Security;
using Qapi.Data;
using Qapi.Data.Services;

namespace Qapi.Cli.Tests;

/// <summary>Admin keys of the demo's people, in owner-only credentials files as `signup --save` writes.</summary>
internal static class AdminCredentials
{
    /// <summary>An admin key of the person's own account, saved to a credentials file in the folder.</summary>
    public static async Task<string> FileForAsync(ServerFixture server, string username, string folder)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
        var person = await db.Accounts.Where(a => a.Username == username).Select(a => a.Id).SingleAsync();
        var (key, secret) = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(person,
            username + " admin", ApiKeyPermissions.Admin, [], null, person, default);

        var path = Path.Combine(folder, $"{username}-{key.Id}.json");
        OwnerOnlyFile.WriteAllText(path, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["server"] = server.Origin,
            ["apiKey"] = key.Id,
            ["secret"] = secret,
            ["accountId"] = person,
        }));
        return path;
    }
}
