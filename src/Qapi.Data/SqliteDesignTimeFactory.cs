using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Qapi.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without a host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteQapiDbContext>
{
    public SqliteQapiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteQapiDbContext>().UseSqlite("Data Source=design.db").Options);
}
