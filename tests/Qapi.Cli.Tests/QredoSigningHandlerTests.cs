using System.Text;
using Qapi.Client.Signing;
using Qapi.Core.Protocol;

namespace Qapi.Cli.Tests;

public sealed class QredoSigningHandlerTests
{
    [Fact]
    public async Task Send_SharedPostVector_SendsTheVectorsSignatureOverTheBytesItSends()
    {
        var vector = SharedVectors.RequestSignatures().Last(v => v.Method == "POST");
        var server = new RecordingHandler();
        using var client = new HttpClient(new QredoSigningHandler("key1", vector.Secret, server));
        using var request = new HttpRequestMessage(HttpMethod.Post, vector.Url)
        {
            Content = new StringContent(vector.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(QredoHeaders.Timestamp, vector.Timestamp);

        await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(vector.Signature, server.Header(QredoHeaders.Signature));
        Assert.Equal("key1", server.Header(QredoHeaders.ApiKey));
        Assert.Equal(vector.Timestamp, server.Header(QredoHeaders.Timestamp));
        Assert.Equal(Encoding.UTF8.GetBytes(vector.Body), server.Body);
    }

    [Fact]
    public async Task Send_StreamBodyAndDefaultPort_SignsWhatGoesOnTheWire()
    {
        var secret = ApiSecret.Generate();
        var server = new RecordingHandler();
        using var client = new HttpClient(new QredoSigningHandler("key1", secret, server));
        var body = Encoding.UTF8.GetBytes("{\"note\":\"café\"}\n");

        // A stream that can be read once: the handler must not read it for the signature and then send nothing.
        using var request = new HttpRequestMessage(HttpMethod.Put, "HTTP://Example.TEST:80/qapi/v1/x?a=b c#frag")
        {
            Content = new StreamContent(new OneShotStream(body)),
        };
        await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(body, server.Body);
        Assert.True(RequestSignature.Verify(
            ApiSecret.ToKeyBytes(secret),
            server.Header(QredoHeaders.Timestamp),
            "PUT",
            "http://example.test/qapi/v1/x?a=b%20c",
            body,
            server.Header(QredoHeaders.Signature)));
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        private HttpRequestMessage? _request;

        public byte[] Body { get; private set; } = [];

        public string Header(string name) => _request!.Headers.GetValues(name).Single();

        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _request = request;
            Body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        }
    }

    private sealed class OneShotStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
