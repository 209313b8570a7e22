using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Qapi.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresQapiDbContext>
{
    public PostgresQapiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresQapiDbContext>().UseNpgsql("Host=localhost;Database=qapi").Options);
}
