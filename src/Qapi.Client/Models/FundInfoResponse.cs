using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary><c>GET /funds/{fund_id}</c>.</summary>
public sealed record FundInfoResponse([property: JsonPropertyName("fundInfo")] FundInfo FundInfo);
