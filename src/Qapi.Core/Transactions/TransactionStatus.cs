namespace Qapi.Core.Transactions;

/// <summary>
/// Web3 transaction statuses, as the spec spells them. A transaction moves
/// created, pending, authorized, approved (signed), then, where a chain RPC is configured, pushed, mined and
/// confirmed; or it ends rejected, expired, cancelled or failed.
/// </summary>
public static class TransactionStatus
{
    public const string Created = "created";
    public const string Pending = "pending";
    public const string Authorized = "authorized";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Expired = "expired";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";
    public const string Pushed = "pushed";
    public const string Mined = "mined";
    public const string Confirmed = "confirmed";

    /// <summary>Whether a transaction in this status can no longer be approved, rejected or cancelled.</summary>
    public static bool IsDecided(string status) => status is not (Created or Pending);
}
