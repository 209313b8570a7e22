using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qapi.Data.Entities;

namespace Qapi.Data.Configurations;

internal sealed class NonceCounterConfiguration : IEntityTypeConfiguration<NonceCounter>
{
    public void Configure(EntityTypeBuilder<NonceCounter> builder)
    {
        builder.HasKey(n => new { n.Address, n.ChainId });
        builder.Property(n => n.Address).HasMaxLength(42);
        builder.Property(n => n.ChainId).HasMaxLength(80);
    }
}
