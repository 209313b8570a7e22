using System.Text;
using Qapi.Core.Protocol;

namespace Qapi.Cli.Tests;

[Collection(ServerCollection.Name)]
public sealed class SendCommandTests(ServerFixture server)
{
    [Fact]
    public async Task Send_DemoKey_PrintsStatusAndIndentedJsonAndExitsZero()
    {
        var result = await CliRun.RunAsync(
            ["send", "-api-key", server.DemoApiKey, "-url", server.BaseUrl + "/balance"],
            environment: new Dictionary<string, string> { ["QAPI_SECRET"] = server.DemoSecret });

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith("HTTP/1.1 200 OK", result.Error);
        Assert.Contains("\n  \"assets\": {", result.Out);
    }

    [Fact]
    public async Task Send_UnknownEndpoint_ExitsOneAndPrintsTheError()
    {
        var result = await CliRun.RunAsync(
            ["send", "-api-key", server.DemoApiKey, "-secret", server.DemoSecret, "-url", server.BaseUrl + "/nope"]);

        Assert.Equal(ExitCodes.RequestFailed, result.ExitCode);
        Assert.StartsWith("HTTP/1.1 404", result.Error);
        Assert.Contains("\"code\"", result.Out);
    }

    [Fact]
    public async Task Send_WrongSecret_ExitsOneWith401()
    {
        var result = await CliRun.RunAsync(
            ["send", "-api-key", server.DemoApiKey, "-secret", ApiSecret.Generate(),
                "-url", server.BaseUrl + "/balance"]);

        Assert.Equal(ExitCodes.RequestFailed, result.ExitCode);
        Assert.StartsWith("HTTP/1.1 401", result.Error);
    }

    [Fact]
    public async Task Send_PostBodyFromStdin_SendsAndSignsTheRawBytes()
    {
        var secret = ApiSecret.Generate();
        var body = Encoding.UTF8.GetBytes("{\"note\": \"café ✓\"}\n");
        var capture = new CaptureHandler();

        var result = await CliRun.RunAsync(
            ["send", "-api-key", "k", "-secret", secret, "-method", "POST", "-url", "http://127.0.0.1:9/qapi/v1/x"],
            body,
            httpHandler: capture);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(body, capture.Body);
        Assert.True(RequestSignature.Verify(ApiSecret.ToKeyBytes(secret), capture.Timestamp, "POST",
            "http://127.0.0.1:9/qapi/v1/x", body, capture.Signature));
    }

    private sealed class CaptureHandler : HttpMessageHandler
    {
        public byte[] Body { get; private set; } = [];

        public string Timestamp { get; private set; } = "";

        public string Signature { get; private set; } = "";

        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            Timestamp = request.Headers.GetValues(QredoHeaders.Timestamp).Single();
            Signature = request.Headers.GetValues(QredoHeaders.Signature).Single();
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent("{\"ok\":true}", Encoding.UTF8, "application/json"),
            };
        }
    }
}
