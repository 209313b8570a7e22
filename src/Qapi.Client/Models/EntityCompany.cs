using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The organization behind an entity of type <c>company</c>.</summary>
public sealed record EntityCompany([property: JsonPropertyName("name")] string Name);
