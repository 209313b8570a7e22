namespace Qapi.Bench.Flow;

/// <summary>An approver the benchmark enrolled: username, enrolled key id and private key.</summary>
internal sealed record BenchApprover(string Username, string KeyId, string PrivateKeyHex);
