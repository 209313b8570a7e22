using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Authentication;

/// <summary>A body over the signing limit is refused with 413, whether it has a length or comes chunked.</summary>
public sealed class BodyLimitTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BodyOverTheLimit_Is413(bool chunked)
    {
        var body = new string('x', 2 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, server.ApiBaseUrl + "/transaction");
        request.Headers.TryAddWithoutValidation("qredo-api-key", server.Demo.ApiKey);
        request.Headers.TryAddWithoutValidation("qredo-api-ts",
            DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("qredo-api-sig", "AAAA");
        request.Content = chunked
            ? new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)))
            : new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (chunked)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("body_too_large", json.GetProperty("detail").GetProperty("error").GetString());
    }
}
