namespace Qapi.Core.Accounts;

/// <summary>The two custody policies a fund or wallet carries.</summary>
public enum PolicyKind
{
    /// <summary>Approvals needed for transfers and Web3 transactions.</summary>
    Transaction,

    /// <summary>Approvals needed for withdrawals.</summary>
    Withdrawal,
}
