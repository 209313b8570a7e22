using Qapi.Data.Transactions;
using Qapi.Server.Authentication;

namespace Qapi.Server.Web3;

/// <summary>The domain's view of an API caller.</summary>
internal static class TransactionRequesters
{
    public static TransactionRequester Requester(this ApiCaller caller) =>
        new(caller.AccountId, caller.KeyId, caller.WalletScope);
}
