namespace Qapi.Data.Admin;

/// <summary>
/// The profile fields a PATCH may change; null leaves a field as it is. First and last name, default fiat and
/// testnet assets belong to personal accounts; name, domain and address to organizations; email to both.
/// </summary>
public sealed record AccountProfileChange(
    string? FirstName = null,
    string? LastName = null,
    string? Email = null,
    string? DefaultFiat = null,
    bool? TestnetAssets = null,
    string? Name = null,
    string? Domain = null,
    string? Address = null);
