using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qapi.Data.Entities;

namespace Qapi.Data.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(r => new { r.KeyId, r.IdempotencyKey });
        builder.Property(r => r.IdempotencyKey).HasMaxLength(255);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
    }
}
