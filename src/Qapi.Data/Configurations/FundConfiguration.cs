using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qapi.Data.Entities;

namespace Qapi.Data.Configurations;

internal sealed class FundConfiguration : IEntityTypeConfiguration<Fund>
{
    public void Configure(EntityTypeBuilder<Fund> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.Description).HasMaxLength(2000);
        builder.HasIndex(f => f.AccountId);
        builder.HasOne<Account>().WithMany().HasForeignKey(f => f.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.TxPolicy).WithMany().HasForeignKey(f => f.TxPolicyId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.WithdrawPolicy).WithMany().HasForeignKey(f => f.WithdrawPolicyId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(f => f.Wallets).WithOne(w => w.Fund).HasForeignKey(w => w.FundId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
