using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qapi.Data.Entities;

namespace Qapi.Data.Configurations;

internal sealed class PolicyMemberConfiguration : IEntityTypeConfiguration<PolicyMember>
{
    public void Configure(EntityTypeBuilder<PolicyMember> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => new { m.PolicyId, m.MemberId }).IsUnique();
        builder.HasOne(m => m.Member).WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
