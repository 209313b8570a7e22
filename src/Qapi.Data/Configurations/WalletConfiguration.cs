using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qapi.Data.Entities;

namespace Qapi.Data.Configurations;

internal sealed class WalletConfiguration : IEntityTypeConfiguration<Wallet>
{
    public void Configure(EntityTypeBuilder<Wallet> builder)
    {
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.Property(w => w.Type).HasConversion<string>().HasMaxLength(32);
        builder.Property(w => w.Asset).HasMaxLength(32);
        builder.Property(w => w.Address).HasMaxLength(128);
        builder.Property(w => w.Status).HasMaxLength(16);
        builder.HasIndex(w => new { w.AccountId, w.DerivationIndex }).IsUnique();
        builder.HasIndex(w => w.Address);
        builder.HasOne<Account>().WithMany().HasForeignKey(w => w.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(w => w.TxPolicy).WithMany().HasForeignKey(w => w.TxPolicyId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(w => w.WithdrawPolicy).WithMany().HasForeignKey(w => w.WithdrawPolicyId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
