using System.Text.Json.Serialization;

namespace Qapi.Client.Models;

/// <summary>The spec's <c>TxHistoryItem</c>; amounts in base units, negative for outflows.</summary>
public sealed record FundLedgerItem(
    [property: JsonPropertyName("txID")] string TxId,
    [property: JsonPropertyName("chainTxID")] string ChainTxId,
    [property: JsonPropertyName("fundID")] string FundId,
    [property: JsonPropertyName("walletID")] string WalletId,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("asset")] string Asset,
    [property: JsonPropertyName("amount")] long Amount,
    [property: JsonPropertyName("fees")] long Fees,
    [property: JsonPropertyName("netAmount")] long NetAmount,
    [property: JsonPropertyName("counterpartyID")] string CounterpartyId,
    [property: JsonPropertyName("counterpartyName")] string CounterpartyName,
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("benefitOf")] string BenefitOf,
    [property: JsonPropertyName("accountNo")] string AccountNo,
    [property: JsonPropertyName("later1TxID")] IReadOnlyList<string> Later1TxId);
