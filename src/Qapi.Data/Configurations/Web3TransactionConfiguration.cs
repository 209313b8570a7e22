using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qapi.Data.Entities;

namespace Qapi.Data.Configurations;

internal sealed class Web3TransactionConfiguration : IEntityTypeConfiguration<Web3Transaction>
{
    public void Configure(EntityTypeBuilder<Web3Transaction> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Status).HasMaxLength(16);
        builder.Property(t => t.From).HasMaxLength(42);
        builder.Property(t => t.To).HasMaxLength(42);
        builder.Property(t => t.ChainId).HasMaxLength(80);
        builder.HasIndex(t => new { t.AccountId, t.CreatedAt });
        builder.HasIndex(t => new { t.Status, t.ExpiresAt });
        builder.HasIndex(t => t.WalletId);
        builder.HasOne<Wallet>().WithMany().HasForeignKey(t => t.WalletId).OnDelete(DeleteBehavior.Restrict);
    }
}
