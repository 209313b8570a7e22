using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qapi.Data.Entities;

namespace Qapi.Data.Configurations;

internal sealed class UsedSignatureConfiguration : IEntityTypeConfiguration<UsedSignature>
{
    public void Configure(EntityTypeBuilder<UsedSignature> builder)
    {
        builder.HasKey(s => s.Hash);
        builder.Property(s => s.Hash).HasMaxLength(64);
        builder.HasIndex(s => s.ExpiresAt);
    }
}
