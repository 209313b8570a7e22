namespace Qapi.Bench.Flow;

/// <summary>
/// An approver the benchmark enrolled: the member's username, the enrolled key's id and its private key.
/// </summary>
internal sealed record BenchApprover(string Username, string KeyId, string PrivateKeyHex);
