namespace Qapi.Server.Tests.Web3;

/// <summary>The broadcast flow on PostgreSQL; skipped, and says so, without QAPI_TEST_POSTGRES.</summary>
public sealed class PostgresBroadcastTests(PostgresBroadcastServerFixture server)
    : BroadcastFlowTests<PostgresBroadcastServerFixture>(server), IClassFixture<PostgresBroadcastServerFixture>;
