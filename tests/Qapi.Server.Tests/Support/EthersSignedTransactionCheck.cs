using System.Text.Json;

namespace Qapi.Server.Tests.Support;

/// <summary>
/// An assembly fixture: once every test has run, and every test server has handed over what its store signed
/// (<see cref="SignedTransactionCollector"/>), ethers (npm), an implementation independent of ours, parses each
/// signed transaction. The run fails, from this fixture's disposal, if any does not parse, recovers an address
/// other than its wallet's, or has another hash, nonce or chain id than the server recorded.
/// </summary>
public sealed class EthersSignedTransactionCheck : IAsyncDisposable
{
    private const int ProblemsShown = 20;

    public async ValueTask DisposeAsync()
    {
        var records = SignedTransactionCollector.All;
        var problems = await ProblemsAsync(records);
        var summary = $"ethers checked {records.Count} signed transactions from "
            + $"{records.Select(r => r.Source).Distinct().Count()} test servers: {problems.Count} wrong";
        TestContext.Current.SendDiagnosticMessage(summary);
        if (problems.Count > 0)
        {
            var shown = string.Join('\n', problems.Take(ProblemsShown));
            TestContext.Current.SendDiagnosticMessage(shown);
            throw new InvalidOperationException(summary + ":\n" + shown);
        }
    }

    /// <summary>What is wrong with each signed transaction, as ethers reads it; empty when all are right.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IReadOnlyList<SignedTransactionRecord> records)
    {
        if (records.Count == 0)
        {
            return [];
        }

        var parsed = await NodeTools.ParseSignedAsync(records.Select(r => r.SignedTx).ToList());
        return records.Zip(parsed).Select(pair => Problem(pair.First, pair.Second)).OfType<string>().ToList();
    }

    private static string? Problem(SignedTransactionRecord record, JsonElement decoded)
    {
        var where = $"{record.Source}, transaction {record.TxId}";
        if (decoded.TryGetProperty("error", out var error))
        {
            return $"{where}: ethers cannot parse it ({error.GetString()})";
        }

        var mismatches = new[]
        {
            ("recovers", record.WalletAddress, decoded.GetProperty("from").GetString()),
            ("hash", record.TxHash, decoded.GetProperty("hash").GetString()),
            ("nonce", record.Nonce, decoded.GetProperty("nonce").GetString()),
            ("chainId", record.ChainId, decoded.GetProperty("chainId").GetString()),
        }.Where(m => !string.Equals(m.Item2, m.Item3, StringComparison.OrdinalIgnoreCase))
            .Select(m => $"{m.Item1} {m.Item3} where the server recorded {m.Item2}")
            .ToList();
        return mismatches.Count == 0 ? null : $"{where}: {string.Join("; ", mismatches)}";
    }
}
