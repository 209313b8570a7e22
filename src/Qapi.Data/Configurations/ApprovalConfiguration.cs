using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qapi.Data.Entities;

namespace Qapi.Data.Configurations;

internal sealed class ApprovalConfiguration : IEntityTypeConfiguration<Approval>
{
    public void Configure(EntityTypeBuilder<Approval> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Decision).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Signature).HasMaxLength(128);
        builder.HasOne<ApproverKey>().WithMany().HasForeignKey(a => a.ApproverKeyId)
            .OnDelete(DeleteBehavior.Restrict);

        // One decision per approver and transaction: a second approval by the same approver counts once.
        builder.HasIndex(a => new { a.TxId, a.MemberId }).IsUnique();
        builder.HasOne<Web3Transaction>().WithMany().HasForeignKey(a => a.TxId).OnDelete(DeleteBehavior.Cascade);
    }
}
