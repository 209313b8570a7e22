namespace Qapi.Server.Authentication;

/// <summary>The exact body bytes the signature covered, so endpoints parse what was signed.</summary>
public sealed record SignedBody(byte[] Bytes);
