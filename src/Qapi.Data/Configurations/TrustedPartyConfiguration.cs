using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qapi.Data.Entities;

namespace Qapi.Data.Configurations;

internal sealed class TrustedPartyConfiguration : IEntityTypeConfiguration<TrustedParty>
{
    public void Configure(EntityTypeBuilder<TrustedParty> builder)
    {
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => new { t.AccountId, t.PartyId }).IsUnique();
        builder.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Party).WithMany().HasForeignKey(t => t.PartyId).OnDelete(DeleteBehavior.Restrict);
    }
}
