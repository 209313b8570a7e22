using System.Numerics;

namespace Qapi.Data.Broadcast;

/// <summary>The parts of a transaction receipt that decide its status.</summary>
public sealed record RpcReceipt(BigInteger BlockNumber, string BlockHash, bool Succeeded, BigInteger GasUsed);
