namespace Qapi.Server.Tests.Support;

/// <summary>A transaction a test server signed, as its store holds it, with the address of its wallet.</summary>
public sealed record SignedTransactionRecord(
    string Source, string TxId, string SignedTx, string WalletAddress, string TxHash, string Nonce, string ChainId);
