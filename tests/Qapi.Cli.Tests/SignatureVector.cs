namespace Qapi.Cli.Tests;

/// <summary>One entry of vectors/request-signatures.json.</summary>
internal sealed record SignatureVector(
    string Secret, string Timestamp, string Method, string Url, string Body, string Signature);
