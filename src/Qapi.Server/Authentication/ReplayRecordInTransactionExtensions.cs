namespace Qapi.Server.Authentication;

/// <summary>Marks endpoints with <see cref="ReplayRecordInTransaction"/>.</summary>
internal static class ReplayRecordInTransactionExtensions
{
    public static TBuilder WritesReplayRecordInTransaction<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ReplayRecordInTransaction.Instance);

    /// <summary>Marks an endpoint with <see cref="IdempotentRepeat.Allowed"/>.</summary>
    public static TBuilder AnswersIdempotentRepeats<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(IdempotentRepeat.Allowed);
}
