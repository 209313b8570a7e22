using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary><c>GET /wallet/{wallet_id}/history</c>, newest first; <c>total</c> counts every entry.</summary>
public sealed record WalletHistoryResponse(
    [property: JsonPropertyName("history")] IReadOnlyList<WalletHistoryItem> History,
    [property: JsonPropertyName("total")] int Total);
