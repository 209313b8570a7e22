using Microsoft.EntityFrameworkCore;
using Qapi.Data.Entities;

namespace Qapi.Data;

/// <summary>The store behind the domain. Provider-neutral; each provider has a subclass with its migrations.</summary>
public abstract class QapiDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<OrganizationMember> OrganizationMembers => Set<OrganizationMember>();
    public DbSet<TrustedParty> TrustedParties => Set<TrustedParty>();
    public DbSet<Policy> Policies => Set<Policy>();
    public DbSet<PolicyMember> PolicyMembers => Set<PolicyMember>();
    public DbSet<Fund> Funds => Set<Fund>();
    public DbSet<Wallet> Wallets => Set<Wallet>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<ApiKeyWallet> ApiKeyWallets => Set<ApiKeyWallet>();
    public DbSet<UsedSignature> UsedSignatures => Set<UsedSignature>();
    public DbSet<ApproverKey> ApproverKeys => Set<ApproverKey>();
    public DbSet<Web3Transaction> Web3Transactions => Set<Web3Transaction>();
    public DbSet<TransactionEvent> TransactionEvents => Set<TransactionEvent>();
    public DbSet<Approval> Approvals => Set<Approval>();
    public DbSet<NonceCounter> NonceCounters => Set<NonceCounter>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<AllowlistEntry> AllowlistEntries => Set<AllowlistEntry>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<RpcNetwork> RpcNetworks => Set<RpcNetwork>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(QapiDbContext).Assembly);
}
