using Microsoft.EntityFrameworkCore;

namespace Qapi.Data;

/// <summary>The SQLite store (the embedded default); its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteQapiDbContext(DbContextOptions<SqliteQapiDbContext> options) : QapiDbContext(options);
