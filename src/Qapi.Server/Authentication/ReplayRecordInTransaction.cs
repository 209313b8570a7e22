namespace Qapi.Server.Authentication;

/// <summary>
/// Endpoint metadata: the endpoint's service writes the request's replay record
/// (<see cref="Qapi.Data.ReplayRecord"/>) in the write transaction of the change it makes, so the request commits
/// once. Every write such an endpoint makes must either do so or be harmless to repeat.
/// </summary>
internal sealed class ReplayRecordInTransaction
{
    public static readonly ReplayRecordInTransaction Instance = new();

    private ReplayRecordInTransaction()
    {
    }
}
