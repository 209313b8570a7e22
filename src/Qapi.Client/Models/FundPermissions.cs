using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>Permissions</c> of a fund member.</summary>
public sealed record FundPermissions(
    [property: JsonPropertyName("custodian")] bool Custodian,
    [property: JsonPropertyName("fundManager")] bool FundManager,
    [property: JsonPropertyName("trader")] bool Trader);
