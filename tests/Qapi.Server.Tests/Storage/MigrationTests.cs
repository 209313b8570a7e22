using Microsoft.EntityFrameworkCore;
using Qapi.Data;

namespace Qapi.Server.Tests.Storage;

/// <summary>
/// Each provider's migrations describe the current model: a model change without a migration fails here.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void PostgresMigrations_MatchTheModel()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
