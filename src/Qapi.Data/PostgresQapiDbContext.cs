using Microsoft.EntityFrameworkCore;

namespace Qapi.Data;

/// <summary>The PostgreSQL store; its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresQapiDbContext(DbContextOptions<PostgresQapiDbContext> options) : QapiDbContext(options);
