namespace Qapi.Data.Services;

/// <summary>What a newcomer needs to sign a first request against the demo organization.</summary>
/// <param name="AdminApiKey">An <c>admin</c> key held by the demo organization's administrator (alice).</param>
public sealed record DemoCredentials(
    string ApiKey,
    string Secret,
    string OrganizationId,
    string WalletId,
    string WalletAddress,
    string AdminApiKey,
    string AdminSecret,
    string AdministratorId);
