namespace Qapi.Cli.Commands;

/// <summary>What <c>sign</c> and <c>send</c> were asked to sign, checked and with the body read.</summary>
internal sealed record SignedRequestInput(
    string ApiKey,
    string Secret,
    byte[] SecretKey,
    string Method,
    Uri Url,
    string UrlText,
    string? Timestamp,
    byte[] Body);
