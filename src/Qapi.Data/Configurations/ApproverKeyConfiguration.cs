using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qapi.Data.Entities;

namespace Qapi.Data.Configurations;

internal sealed class ApproverKeyConfiguration : IEntityTypeConfiguration<ApproverKey>
{
    public void Configure(EntityTypeBuilder<ApproverKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.PublicKey).HasMaxLength(66);
        builder.HasIndex(k => k.MemberId);
        builder.HasIndex(k => k.PublicKey).IsUnique();
        builder.HasOne<Account>().WithMany().HasForeignKey(k => k.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
