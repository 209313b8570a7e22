using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary><c>GET /account</c>: a <see cref="PersonalAccountInfo"/> or an <see cref="OrganizationInfo"/>.</summary>
public sealed record AccountResponse([property: JsonPropertyName("settings")] object Settings);
