using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qapi.Data.Entities;

namespace Qapi.Data.Configurations;

internal sealed class RpcNetworkConfiguration : IEntityTypeConfiguration<RpcNetwork>
{
    public void Configure(EntityTypeBuilder<RpcNetwork> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Name).HasMaxLength(100);
        builder.Property(n => n.Url).HasMaxLength(2000);
        builder.HasIndex(n => new { n.AccountId, n.Name }).IsUnique();
        builder.HasIndex(n => new { n.AccountId, n.ChainId }).IsUnique();
        builder.HasOne<Account>().WithMany().HasForeignKey(n => n.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
