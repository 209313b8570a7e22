using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin;

/// <summary>
/// The admin API scenarios share one server, one at a time, so a test can count the audit entries it caused.
/// Every scenario signs up its own people and founds its own organizations, so none depends on another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AdminCollection : ICollectionFixture<QapiServerFixture>
{
    public const string Name = "admin";
}
