namespace Qapi.Server.Authentication;

/// <summary>Marks endpoints with <see cref="ReplayRecordInTransaction"/>.</summary>
internal static class ReplayRecordInTransactionExtensions
{
    public static TBuilder WritesReplayRecordInTransaction<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ReplayRecordInTransaction.Instance);
}
