using System.Net;
using System.Text.Json;

namespace Qapi.Server.Tests.Admin.Keys;

/// <summary>Reads admin API answers in tests.</summary>
internal static class AdminResponses
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts the status and the error token (<c>detail.error</c>) of a refusal.</summary>
    public static async Task AssertErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var body = await response.JsonAsync(status);
        Assert.Equal(error, body.GetProperty("detail").GetProperty("error").GetString());
    }
}
