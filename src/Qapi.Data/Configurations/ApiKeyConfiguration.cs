using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qapi.Core.Keys;
using Qapi.Data.Entities;

namespace Qapi.Data.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(64);
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.Property(k => k.Permissions)
            .HasConversion(p => ApiKeyPermissionNames.Format(p), text => ParsePermissions(text))
            .HasMaxLength(64);
        builder.HasIndex(k => k.AccountId);
        builder.Property(k => k.HolderId).HasMaxLength(64);
        builder.HasOne<Account>().WithMany().HasForeignKey(k => k.HolderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Account>().WithMany().HasForeignKey(k => k.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(k => k.Wallets).WithOne().HasForeignKey(w => w.ApiKeyId).OnDelete(DeleteBehavior.Cascade);
    }

    private static ApiKeyPermissions ParsePermissions(string text) =>
        ApiKeyPermissionNames.TryParse(text, out var permissions, out _) ? permissions : ApiKeyPermissions.None;
}
