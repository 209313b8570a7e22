using Qapi.Data.Entities;

namespace Qapi.Data.Transactions;

/// <summary>
/// What <see cref="Web3TransactionService.CreateAsync"/> answers with: the transaction, and the events it was
/// created with, or null when an earlier request with the same idempotency key created it (read them then).
/// </summary>
public sealed record CreatedTransaction(Web3Transaction Transaction, IReadOnlyList<TransactionEvent>? Events);
