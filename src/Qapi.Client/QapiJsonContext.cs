using System.Text.Json.Serialization;
using Qapi.Client.Models;

namespace Qapi.Client;

/// <summary>Source-generated JSON metadata for every wire model, shared by the server and the CLI.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(BalanceResponse))]
[JsonSerializable(typeof(AccountResponse))]
[JsonSerializable(typeof(PersonalAccountInfo))]
[JsonSerializable(typeof(OrganizationInfo))]
[JsonSerializable(typeof(FundsResponse))]
[JsonSerializable(typeof(FundInfoResponse))]
[JsonSerializable(typeof(FundLedgerResponse))]
[JsonSerializable(typeof(WalletHistoryResponse))]
[JsonSerializable(typeof(TrustedPartiesResponse))]
[JsonSerializable(typeof(CreateTransactionRequest))]
[JsonSerializable(typeof(TxInfoResponse))]
[JsonSerializable(typeof(TxApprovalsResponse))]
[JsonSerializable(typeof(TxFeedStatus))]
[JsonSerializable(typeof(ApproverActionsResponse))]
[JsonSerializable(typeof(ApproverAction))]
[JsonSerializable(typeof(ApproverDecisionRequest))]
[JsonSerializable(typeof(ApproverDecisionResponse))]
[JsonSerializable(typeof(ApproverFeedMessage))]
public sealed partial class QapiJsonContext : JsonSerializerContext;
