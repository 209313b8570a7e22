namespace Qapi.Data.Services;

/// <summary>What a newcomer needs to sign a first request against the demo organization.</summary>
public sealed record DemoCredentials(
    string ApiKey, string Secret, string OrganizationId, string WalletId, string WalletAddress);
