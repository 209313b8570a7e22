namespace Qapi.Cli.Admin;

/// <summary>Where the admin commands send their requests, and the key that signs them.</summary>
internal sealed record AdminConnection(Uri Server, string ApiKey, string Secret);
