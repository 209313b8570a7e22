using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Approvals;
using Qapi.Core.Errors;
using Qapi.Data;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>
/// Approvals name the key that signed them, and before signing every counted approval is checked again against the
/// content about to be signed: a transaction whose row changed after it was approved is not signed.
/// </summary>
public sealed class ApprovalRecheckTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    private Web3Kit? _kit;

    private async Task<Web3Kit> KitAsync() => _kit ??= await new Web3Kit(server).EnrollAsync("alice", "bob");

    [Fact]
    public async Task AnApproval_RecordsTheKeyItWasVerifiedAgainst()
    {
        var kit = await KitAsync();
        var txId = (await kit.CreateAsync()).GetProperty("txID").GetString()!;

        await kit.DecideAsync(txId, "alice", ApprovalDecision.Approve);

        var (approval, activeKey) = await server.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QapiDbContext>();
            var row = await db.Approvals.AsNoTracking().SingleAsync(a => a.TxId == txId);
            var key = await db.ApproverKeys.AsNoTracking()
                .SingleAsync(k => k.MemberId == kit.Approvers["alice"].MemberId && k.RevokedAt == null);
            return (row, key.Id);
        });
        Assert.Equal(activeKey, approval.ApproverKeyId);
    }

    [Fact]
    public async Task ContentChangedAfterAnApproval_IsNotSigned_AndNothingIsSpent()
    {
        var kit = await KitAsync();
        var txId = (await kit.CreateAsync()).GetProperty("txID").GetString()!;
        await kit.DecideAsync(txId, "alice", ApprovalDecision.Approve);

        // Someone with the database at hand redirects the approved transfer.
        await ExecuteAsync($"""UPDATE "Web3Transactions" SET "To" = '0x000000000000000000000000000000000000dEaD' """
            + $"""WHERE "Id" = '{txId}'""");

        // Bob approves what he is shown now; alice approved something else, so the threshold is not met by both.
        var error = await Assert.ThrowsAsync<QapiError>(() => kit.DecideAsync(txId, "bob", ApprovalDecision.Approve));
        Assert.Equal("approval_does_not_verify", error.Reason);

        var tx = await kit.LoadAsync(txId);
        Assert.Equal("pending", tx.Status);
        Assert.Equal("", tx.SignedTx);
        var counted = await server.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QapiDbContext>();
            return (await db.Approvals.CountAsync(a => a.TxId == txId),
                await db.NonceCounters.AnyAsync(n => n.Address == tx.From.ToLower()));
        });
        Assert.Equal(1, counted.Item1);
        Assert.Contains(server.Logs.Lines, line => line.Contains("does not verify", StringComparison.Ordinal)
            && line.Contains(txId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnApprovalRecordedBeforeKeysWereNamed_IsCheckedAgainstTheMembersKeys()
    {
        var kit = await KitAsync();
        var txId = (await kit.CreateAsync()).GetProperty("txID").GetString()!;
        await kit.DecideAsync(txId, "alice", ApprovalDecision.Approve);
        await ExecuteAsync($"""UPDATE "Approvals" SET "ApproverKeyId" = NULL WHERE "TxId" = '{txId}'""");

        var signed = await kit.DecideAsync(txId, "bob", ApprovalDecision.Approve);

        Assert.Equal("approved", signed.Status);
    }

    private Task ExecuteAsync(string sql) =>
        server.InScopeAsync(sp => sp.GetRequiredService<QapiDbContext>().Database.ExecuteSqlRawAsync(sql));
}
