using Microsoft.Data.Sqlite;

namespace Qapi.Bench.Flow;

/// <summary>
/// After the run, with the server stopped: reads the store and checks that every transaction the flows saw signed
/// is signed exactly once, with distinct nonces that leave no gap, one approval event and one ledger outflow each.
/// </summary>
internal static class SigningVerification
{
    public static async Task<IReadOnlyList<string>> CheckStoreAsync(string databasePath, int signedByFlows)
    {
        var problems = new List<string>();
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();

        var approved = await ScalarAsync(connection,
            """SELECT COUNT(*) FROM "Web3Transactions" WHERE "Status" = 'approved' AND "SignedTx" <> ''""");
        var distinctNonces = await ScalarAsync(connection,
            """SELECT COUNT(DISTINCT CAST("Nonce" AS INTEGER)) FROM "Web3Transactions" WHERE "Nonce" <> ''""");
        var maxNonce = await ScalarAsync(connection,
            """SELECT COALESCE(MAX(CAST("Nonce" AS INTEGER)), -1) FROM "Web3Transactions" WHERE "Nonce" <> ''""");
        var withNonce = await ScalarAsync(connection,
            """SELECT COUNT(*) FROM "Web3Transactions" WHERE "Nonce" <> ''""");
        var counter = await ScalarAsync(connection, """SELECT COALESCE(SUM("Next"), 0) FROM "NonceCounters" """);
        var distinctHashes = await ScalarAsync(connection,
            """SELECT COUNT(DISTINCT "TxHash") FROM "Web3Transactions" WHERE "TxHash" <> ''""");
        var badEvents = await ScalarAsync(connection,
            """
            SELECT COUNT(*) FROM "Web3Transactions" t
            WHERE t."Status" = 'approved'
              AND (SELECT COUNT(*) FROM "TransactionEvents" e WHERE e."TxId" = t."Id" AND e."Status" = 'approved') <> 1
            """);
        var badLedger = await ScalarAsync(connection,
            """
            SELECT COUNT(*) FROM "Web3Transactions" t
            WHERE t."Status" = 'approved'
              AND (SELECT COUNT(*) FROM "LedgerEntries" l WHERE l."TxId" = t."Id") <> 1
            """);

        Require(problems, approved == signedByFlows,
            $"{approved} transactions are signed in the store; the flows saw {signedByFlows}.");
        Require(problems, withNonce == approved, $"{withNonce} transactions have a nonce, {approved} are signed.");
        Require(problems, distinctNonces == withNonce, $"{withNonce} nonces, only {distinctNonces} distinct.");
        Require(problems, maxNonce == withNonce - 1 && counter == withNonce,
            $"Nonces reach {maxNonce} and the counter {counter} for {withNonce} signed transactions: a gap.");
        Require(problems, distinctHashes == approved, $"{distinctHashes} distinct hashes for {approved} signed.");
        Require(problems, badEvents == 0, $"{badEvents} signed transactions have not exactly one approved event.");
        Require(problems, badLedger == 0, $"{badLedger} signed transactions have not exactly one ledger entry.");
        return problems;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Require(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}
