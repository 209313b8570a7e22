using System.Globalization;
using System.Text.Json;
using Npgsql;
using Qapi.Server.Tests.Storage;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>
/// The feed on PostgreSQL, where an event id can become visible before a lower one that is still uncommitted:
/// the feed must hold the higher one back rather than move past the lower one for good.
/// </summary>
public sealed class TransactionFeedPostgresTests(PostgresServerFixture server) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task Feed_DeliversEveryStatusInOrder_OnPostgres()
    {
        Assert.SkipUnless(server.Available, "QAPI_TEST_POSTGRES is not set; .ci/run sets it.");
        await using var feed = await FeedSocket.ConnectAsync(server, server.Demo.ApiKey, server.Demo.Secret);

        var txId = await Web3Flow.CreateAsync(server.DemoClient, server.Demo.WalletAddress);
        await Web3Flow.ApproveAsync(server, txId);

        var messages = await feed.ReceiveAsync(4);
        Assert.Equal(["created", "pending", "authorized", "approved"], messages.Select(Status));
        Assert.All(messages, m => Assert.Equal(txId, m.GetProperty("txID").GetString()));
    }

    [Fact]
    public async Task EventCommittedLate_WithALowerId_IsDeliveredBeforeTheHigherOne()
    {
        Assert.SkipUnless(server.Available, "QAPI_TEST_POSTGRES is not set; .ci/run sets it.");
        var held = await Web3Flow.CreateAsync(server.DemoClient, server.Demo.WalletAddress);
        await using var feed = await FeedSocket.ConnectAsync(server, server.Demo.ApiKey, server.Demo.Secret);
        var cancelled = await Web3Flow.CreateAsync(server.DemoClient, server.Demo.WalletAddress);
        Assert.Equal(["created", "pending"], (await feed.ReceiveAsync(2)).Select(Status));

        // A writer that took an id and has not committed yet, like a slow node would be.
        await using var connection = new NpgsqlConnection(server.App.Configuration["Qapi:Storage:ConnectionString"]);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO "TransactionEvents" ("TxId", "AccountId", "WalletId", "Status", "Message", "Timestamp")
            VALUES (@tx, @account, @wallet, 'pending', 'held open by the test', 0) RETURNING "Id"
            """, connection, transaction);
        insert.Parameters.AddWithValue("tx", held);
        insert.Parameters.AddWithValue("account", server.Demo.OrganizationId);
        insert.Parameters.AddWithValue("wallet", server.Demo.WalletId);
        var heldId = (long)(await insert.ExecuteScalarAsync())!;

        await Web3Flow.CancelAsync(server.DemoClient, cancelled);
        await feed.AssertQuietAsync();

        await transaction.CommitAsync();
        var late = await feed.ReceiveAsync(2);
        Assert.Equal([heldId, heldId + 1], late.Select(EventId));
        Assert.Equal([held, cancelled], late.Select(m => m.GetProperty("txID").GetString()));
        Assert.Equal(["pending", "cancelled"], late.Select(Status));
    }

    private static string? Status(JsonElement message) => message.GetProperty("status").GetString();

    private static long EventId(JsonElement message) =>
        long.Parse(message.GetProperty("eventID").GetString()!, CultureInfo.InvariantCulture);
}
