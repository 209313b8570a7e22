using System.Text.Json.Serialization;

namespace Qapi.Client.Models.Admin;

/// <summary><c>POST /accounts/{accountId}/trustedparties</c>.</summary>
public sealed record InviteTrustedPartyRequest(
    [property: JsonPropertyName("username")] string? Username);
