using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin;

/// <summary>
/// The admin API scenarios share one server, one at a time, so a test can count the audit entries it caused.
/// Every scenario signs up its own people and founds its own organizations, so none depends on another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AdminCollection : ICollectionFixture<AdminServerFixture>
{
    public const string Name = "admin";
}

/// <summary>The shared server, without the per-address sign-up limit (every scenario signs people up).</summary>
public sealed class AdminServerFixture : QapiServerFixture
{
    protected override IEnumerable<string> ExtraArguments => ["--Qapi:Admin:SignupsPerMinute=0"];
}
