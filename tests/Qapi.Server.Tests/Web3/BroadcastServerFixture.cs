using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Data;
using Qapi.Data.Services;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Web3;

/// <summary>
/// A Qapi server (on SQLite) that broadcasts chain 1337 to a ganache node started with the demo organization's
/// mnemonic (so the demo Web3 wallet holds ether there), and chain 11155111 to a loopback port nothing listens
/// on. Both endpoint URLs carry a token in their query, which must never show in a log or an event.
/// </summary>
public class BroadcastServerFixture : QapiServerFixture, IAsyncLifetime
{
    public const string GanacheChain = "1337";
    public const string UnreachableChain = "11155111";
    public const int Confirmations = 2;

    private readonly int _ganachePort = GanacheNode.FreePort();
    private readonly int _closedPort = GanacheNode.FreePort();

    public string EndpointToken { get; } = "rpc-token-" + Guid.NewGuid().ToString("N");

    public GanacheNode Ganache { get; private set; } = null!;

    public BroadcastKit Kit { get; private set; } = null!;

    /// <summary>Why this server cannot run here, or null when it can.</summary>
    public virtual string? SkipReason => null;

    /// <summary>Arguments that choose the store; none means SQLite in the data directory.</summary>
    protected virtual IEnumerable<string> StorageArguments => [];

    protected override IEnumerable<string> ExtraArguments =>
    [
        .. StorageArguments,
        $"--Qapi:Rpc:Chains:{GanacheChain}=http://127.0.0.1:{_ganachePort}/?key={EndpointToken}",
        $"--Qapi:Rpc:Chains:{UnreachableChain}=http://127.0.0.1:{_closedPort}/?key={EndpointToken}",
        $"--Qapi:Rpc:Confirmations={Confirmations}",
        "--Qapi:Rpc:PollIntervalSeconds=0.2",
        "--Qapi:Rpc:MaxRetryDelaySeconds=1",
        "--Qapi:Rpc:RequestTimeoutSeconds=5",
    ];

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        if (SkipReason is null)
        {
            await StartAsync();
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await StopAsync();

    /// <summary>Starts the server, then ganache with the demo organization's mnemonic.</summary>
    protected virtual async Task StartAsync()
    {
        NodeTools.RequireInstalled();
        await InitializeAsync();
        var (mnemonic, index) = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QapiDbContext>();
            var org = await db.Accounts.SingleAsync(a => a.Id == Demo.OrganizationId);
            var wallet = await db.Wallets.SingleAsync(w => w.Id == Demo.WalletId);
            return (sp.GetRequiredService<SeedVault>().Open(org), wallet.DerivationIndex);
        });
        Ganache = await GanacheNode.StartAsync(_ganachePort, int.Parse(GanacheChain), mnemonic, index + 1);
        Kit = await BroadcastKit.CreateAsync(this);
    }

    protected virtual async Task StopAsync()
    {
        if (Ganache is not null)
        {
            await Ganache.DisposeAsync();
        }

        if (App is not null)
        {
            await DisposeAsync();
        }
    }
}
