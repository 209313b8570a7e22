using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qapi.Client;
using Qapi.Client.Approvers;
using Qapi.Client.Models;
using Qapi.Core.Protocol;

namespace Qapi.Cli.Admin;

/// <summary>
/// Sends admin API requests (<c>/qapi/admin/v1</c>) through the given client, whose handler signs them, and
/// returns the answer's JSON. A refusal throws <see cref="QapiRequestException"/> with the server's reason.
/// </summary>
internal sealed class AdminApiClient(HttpClient http, Uri server)
{
    public const string BasePath = "/qapi/admin/v1";

    private readonly string _base = server.GetLeftPart(UriPartial.Authority) + server.AbsolutePath.TrimEnd('/')
        + BasePath;

    /// <summary>The server's origin, for messages.</summary>
    public string Server { get; } = server.GetLeftPart(UriPartial.Authority);

    public Task<AdminAnswer> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public async Task<AdminAnswer> SendAsync(
        HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_base + path));

        // Microseconds, not the official tool's seconds: two identical changes in one second (two equal keys)
        // would otherwise carry one signature, and the server refuses the second as a replay.
        var micros = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 10;
        request.Headers.TryAddWithoutValidation(QredoHeaders.Timestamp,
            micros.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new QapiRequestException((int)response.StatusCode, ErrorOf(bytes));
        }

        return AdminAnswer.From(bytes);
    }

    /// <summary>A path segment from user input, escaped so that it cannot reach another route.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value.Trim());

    private static ErrorResponse? ErrorOf(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, QapiJsonContext.Default.ErrorResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
