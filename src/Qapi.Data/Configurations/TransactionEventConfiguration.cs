using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qapi.Data.Entities;

namespace Qapi.Data.Configurations;

internal sealed class TransactionEventConfiguration : IEntityTypeConfiguration<TransactionEvent>
{
    public void Configure(EntityTypeBuilder<TransactionEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Status).HasMaxLength(16);
        builder.HasIndex(e => new { e.TxId, e.Id });
        builder.HasIndex(e => new { e.AccountId, e.Id });
        builder.HasOne<Web3Transaction>().WithMany().HasForeignKey(e => e.TxId).OnDelete(DeleteBehavior.Cascade);
    }
}
