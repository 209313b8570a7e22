using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qapi.Data.Entities;

namespace Qapi.Data.Configurations;

internal sealed class ApiKeyWalletConfiguration : IEntityTypeConfiguration<ApiKeyWallet>
{
    public void Configure(EntityTypeBuilder<ApiKeyWallet> builder)
    {
        builder.HasKey(w => new { w.ApiKeyId, w.WalletId });
        builder.HasOne<Wallet>().WithMany().HasForeignKey(w => w.WalletId).OnDelete(DeleteBehavior.Restrict);
    }
}
