using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qapi.Cli.Admin;
using Qapi.Cli.Output;
using Qapi.Client.Models.Admin;
using Qapi.Core.Keys;

namespace Qapi.Cli.Commands.Admin;

/// <summary>
/// <c>qapi keys create|list|update|revoke</c> in server mode: the same commands, through the admin API, by an
/// administrator's key. New keys are held by that administrator.
/// </summary>
internal static class ServerKeys
{
    public static Task<int> CreateAsync(
        ParseResult parse, CliConsole console, ServerFlags flags, KeyCreateInput input, CancellationToken token)
    {
        CommandMode.RequireNoStrayTokens(parse);
        if (input.SavePath is not null)
        {
            CredentialsFile.RequireNew(input.SavePath);
        }

        var body = new JsonObject
        {
            ["permissions"] = Names(input.Permissions),
            ["wallets"] = new JsonArray(input.Wallets.Select(w => (JsonNode?)JsonValue.Create(w)).ToArray()),
        };
        if (!string.IsNullOrWhiteSpace(input.Name))
        {
            body["name"] = input.Name;
        }

        if (input.ExpiresAt is { } expiry)
        {
            body["expiresAt"] = Iso(expiry);
        }

        return AdminRun.SignedAsync(parse, console, flags, async (client, connection) =>
        {
            var answer = await client.SendAsync(HttpMethod.Post,
                $"/accounts/{AdminApiClient.Segment(input.Account)}/keys", body, token);
            var created = answer.Json.Deserialize(AdminJsonContext.Default.AdminKeyCreatedResponse)!;
            var savedTo = input.SavePath;
            var credentials = new CredentialsFile(connection.Server.ToString().TrimEnd('/'), created.Key.Id,
                created.Secret, created.Key.AccountId);
            if (savedTo is not null && !credentials.TrySave(savedTo, console))
            {
                savedTo = null;
            }

            // Saved, the secret lives in the owner-only file alone; not in the JSON a script may log either.
            var shown = savedTo is null ? answer : answer.Without(null, "secret");
            await AdminOutput.WriteAsync(console, input.Json, shown, () =>
            {
                console.Out.WriteLine($"Created API key '{created.Key.Name}' for account {created.Key.AccountId}.");
                console.Out.WriteLine($"  API key  {created.Key.Id}");
                console.Out.WriteLine(savedTo is null
                    ? $"  secret   {created.Secret}"
                    : $"  secret   saved to {savedTo} (owner-only)");
            });
            if (savedTo is null)
            {
                await console.Error.WriteLineAsync(SignupCommand.SecretWarning);
            }

            return ExitCodes.Ok;
        }, token);
    }

    public static Task<int> ListAsync(
        ParseResult parse, CliConsole console, ServerFlags flags, string? account, bool json, CancellationToken token)
    {
        CommandMode.RequireNoStrayTokens(parse);
        if (account is null)
        {
            throw new CliInputException("--account is required with a server: whose keys to list.");
        }

        return AdminRun.SignedAsync(parse, console, flags, async (client, _) =>
        {
            var answer = await client.GetAsync($"/accounts/{AdminApiClient.Segment(account)}/keys", token);
            var keys = answer.Json.Deserialize(AdminJsonContext.Default.ListAdminKeyInfo)!;
            return await AdminOutput.WriteAsync(console, json, answer,
                () => KeysCommand.WriteTable(console, keys.Select(View)));
        }, token);
    }

    public static Task<int> UpdateAsync(
        ParseResult parse, CliConsole console, ServerFlags flags, KeyUpdateInput input, CancellationToken token)
    {
        CommandMode.RequireNoStrayTokens(parse);
        var body = new JsonObject();
        if (input.Name is not null)
        {
            body["name"] = input.Name;
        }

        if (input.Permissions is { } permissions)
        {
            body["permissions"] = Names(permissions);
        }

        if (input.ClearExpiry || input.ExpiresAt is not null)
        {
            body["expiresAt"] = input.ExpiresAt is { } expiry ? Iso(expiry) : null;
        }

        return AdminRun.SignedAsync(parse, console, flags, async (client, _) =>
        {
            var answer = await client.SendAsync(HttpMethod.Patch, "/keys/" + AdminApiClient.Segment(input.Id), body,
                token);
            var key = answer.Json.Deserialize(AdminJsonContext.Default.AdminKeyInfo)!;
            return await AdminOutput.WriteAsync(console, input.Json, answer,
                () => KeysCommand.WriteTable(console, [View(key)]));
        }, token);
    }

    public static Task<int> RevokeAsync(
        ParseResult parse, CliConsole console, ServerFlags flags, string id, CancellationToken token)
    {
        CommandMode.RequireNoStrayTokens(parse);
        return AdminRun.SignedAsync(parse, console, flags, async (client, _) =>
        {
            await client.SendAsync(HttpMethod.Delete, "/keys/" + AdminApiClient.Segment(id), null, token);
            await console.Out.WriteLineAsync($"Revoked API key {id}.");
            return ExitCodes.Ok;
        }, token);
    }

    private static KeyView View(AdminKeyInfo k) =>
        new(k.Id, k.AccountId, k.Name, k.Permissions, k.Wallets, k.ExpiresAt, k.RevokedAt, k.CreatedAt);

    private static JsonArray Names(ApiKeyPermissions permissions) => new(ApiKeyPermissionNames.Format(permissions)
        .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());

    private static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
