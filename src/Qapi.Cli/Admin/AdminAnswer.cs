using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qapi.Cli.Admin;

/// <summary>An admin API answer: its raw bytes (printed as they are by <c>--json</c>) and its JSON, if any.</summary>
internal sealed record AdminAnswer(byte[] Raw, JsonElement Json)
{
    public bool IsEmpty => Raw.Length == 0;

    public static AdminAnswer From(byte[] raw)
    {
        if (raw.Length == 0)
        {
            return new AdminAnswer(raw, default);
        }

        try
        {
            using var document = JsonDocument.Parse(raw);
            return new AdminAnswer(raw, document.RootElement.Clone());
        }
        catch (JsonException)
        {
            throw new HttpRequestException("The server's answer is not JSON.");
        }
    }

    /// <summary>
    /// The same answer without one property of an object inside it, or of the answer itself when
    /// <paramref name="parent"/> is null (a secret that went to a file).
    /// </summary>
    public AdminAnswer Without(string? parent, string property)
    {
        var node = JsonNode.Parse(Raw);
        if ((parent is null ? node : node?[parent]) is JsonObject inner)
        {
            inner.Remove(property);
        }

        return From(Encoding.UTF8.GetBytes(node?.ToJsonString() ?? ""));
    }

    /// <summary>A text property of the answer (or of an object inside it), or null.</summary>
    public string? Text(params string[] path) => JsonFields.Text(Json, path);
}
