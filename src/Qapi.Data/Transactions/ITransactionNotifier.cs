namespace Qapi.Data.Transactions;

/// <summary>Told after a commit that new transaction events exist, so live feeds can wake up.</summary>
public interface ITransactionNotifier
{
    /// <summary>Events up to this id are committed.</summary>
    public void EventsCommitted(long lastEventId);
}
