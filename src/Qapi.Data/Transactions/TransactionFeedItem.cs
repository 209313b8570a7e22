using Qapi.Data.Entities;

namespace Qapi.Data.Transactions;

/// <summary>One feed message's worth: a status event, its transaction, and the transaction's events up to it.</summary>
public sealed record TransactionFeedItem(
    TransactionEvent Event,
    Web3Transaction Transaction,
    IReadOnlyList<TransactionEvent> History);
