using System.Net;
using System.Text.Json;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin;

/// <summary>Signed requests to the admin API, returning the status and the parsed JSON answer.</summary>
public sealed class AdminClient(SignedClient signed)
{
    public string KeyId => signed.KeyId;

    public Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path) =>
        SendAsync(HttpMethod.Get, path, null);

    public Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object? body = null) =>
        SendAsync(HttpMethod.Post, path, body is null ? null : JsonSerializer.Serialize(body));

    public Task<(HttpStatusCode Status, JsonElement Body)> PatchAsync(string path, object body) =>
        SendAsync(HttpMethod.Patch, path, JsonSerializer.Serialize(body));

    public Task<(HttpStatusCode Status, JsonElement Body)> DeleteAsync(string path) =>
        SendAsync(HttpMethod.Delete, path, null);

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(
        HttpMethod method, string path, string? body)
    {
        using var response = await signed.SendAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json);
    }
}
