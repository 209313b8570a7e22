namespace Qapi.Server.Tests.Web3;

/// <summary>The broadcast flow on SQLite.</summary>
public sealed class SqliteBroadcastTests(BroadcastServerFixture server)
    : BroadcastFlowTests<BroadcastServerFixture>(server), IClassFixture<BroadcastServerFixture>;
