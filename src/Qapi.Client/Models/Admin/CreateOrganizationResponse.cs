using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary><c>POST /orgs</c>: the organization and its mnemonic, shown this once.</summary>
public sealed record CreateOrganizationResponse(
    [property: JsonPropertyName("organization")] AccountProfile Organization,
    [property: JsonPropertyName("mnemonic")] string Mnemonic);
