namespace Qapi.Cli.Tests;

/// <summary>Tests that share one server and store, one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
