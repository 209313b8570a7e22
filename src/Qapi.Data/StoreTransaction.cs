using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Qapi.Data;

/// <summary>
/// A database transaction that a service either began itself or joined: when the caller already holds one, the
/// service's writes and audit entries become part of it and commit (or roll back) with the caller's other
/// changes. Only the owner commits.
/// </summary>
internal sealed class StoreTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? _owned;

    private StoreTransaction(IDbContextTransaction? owned)
    {
        _owned = owned;
    }

    /// <summary>Begins a transaction, or joins the one already open on the context.</summary>
    public static async Task<StoreTransaction> BeginOrJoinAsync(
        QapiDbContext db, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null
            ? new StoreTransaction(await db.Database.BeginTransactionAsync(cancellationToken))
            : new StoreTransaction(null);

    /// <summary>Commits when this scope owns the transaction; a joined one is committed by its owner.</summary>
    public Task CommitAsync(CancellationToken cancellationToken) =>
        _owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
