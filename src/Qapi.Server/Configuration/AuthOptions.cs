namespace Qapi.Server.Configuration;

/// <summary>The <c>Qapi:Auth</c> section.</summary>
public sealed class AuthOptions
{
    /// <summary>How far a request's timestamp may be from the server's clock, either way.</summary>
    public int TimestampWindowSeconds { get; set; } = 300;

    /// <summary>The largest request body accepted for signing.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}
