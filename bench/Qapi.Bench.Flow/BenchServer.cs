using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qapi.Data;
using Qapi.Data.Services;
using Qapi.Server.Hosting;

namespace Qapi.Bench.Flow;

/// <summary>
/// The server half of the benchmark, in its own process: <c>QapiApp.Create</c> exactly as <c>qapi serve</c> runs it,
/// plus the enrollment of the approvers' public keys in the store once the demo organization exists, and a deposit
/// that the demo wallet's transactions can draw on for the whole run. It prints one
/// ready line with the enrolled key ids and stops when the driver closes its standard input.
/// </summary>
internal static class BenchServer
{
    public const string ReadyPrefix = "qapi-bench-ready ";

    /// <summary><c>--bench-approver=username:publicKeyHex</c>, once per approver; not passed to the host.</summary>
    public const string ApproverArgument = "--bench-approver=";

    public static async Task<int> RunAsync(string[] args)
    {
        var approvers = args.Where(a => a.StartsWith(ApproverArgument, StringComparison.Ordinal))
            .Select(a => a[ApproverArgument.Length..].Split(':', 2))
            .ToList();
        var hostArgs = args.Where(a => !a.StartsWith(ApproverArgument, StringComparison.Ordinal)).ToArray();

        await using var app = QapiApp.Create(hostArgs, b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();

        var keyIds = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
            var enrollment = scope.ServiceProvider.GetRequiredService<ApproverService>();
            foreach (var approver in approvers)
            {
                var username = approver[0];
                var memberId = await db.Accounts.Where(a => a.Username == username).Select(a => a.Id).SingleAsync();
                var key = await enrollment.EnrollAsync(memberId, approver[1], CancellationToken.None);
                keyIds[username] = key.Id;
            }

            // Every transaction reserves its fee cap (21,000 gas at 30 gwei, 0.00063 ETH) besides its value, so the
            // demo wallet's 2.5 testnet ETH would last about 4,000 of them: it gets 1,000 more, as a deposit.
            var wallet = await db.Wallets.Where(w => w.Type == Qapi.Core.Wallets.WalletType.External)
                .Select(w => w.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<LedgerService>()
                .RecordDepositAsync(wallet, 1_000L * 1_000_000_000, "bench", "bench", CancellationToken.None);
        }

        await Console.Out.WriteLineAsync(ReadyPrefix + JsonSerializer.Serialize(keyIds));
        await Console.Out.FlushAsync();

        // The driver closes our standard input when it is done (or dies), and we stop cleanly. Console reads block,
        // so this one waits on a thread of its own rather than holding one of the server's pool threads.
        await Task.Factory.StartNew(() => Console.In.ReadToEnd(), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await app.StopAsync();
        return 0;
    }
}
