using Microsoft.Extensions.DependencyInjection;

namespace Qapi.Data.Services;

/// <summary>Registers the domain services that work on the store.</summary>
public static class ServiceRegistration
{
    /// <summary>Adds the account, fund, wallet, ledger and key services.</summary>
    public static IServiceCollection AddQapiDomain(this IServiceCollection services)
    {
        services.AddSingleton<SeedVault>();
        services.AddSingleton<ApiSecretVault>();
        services.AddSingleton<CompiledQueries>();
        services.AddScoped<Audit.AuditActor>();
        services.AddScoped<ReplayRecord>();
        services.AddScoped<Audit.AuditTrail>();
        services.AddScoped<Audit.AuditVerifier>();
        services.AddScoped<AccountService>();
        services.AddScoped<AccountRestoreService>();
        services.AddScoped<FundService>();
        services.AddScoped<WalletService>();
        services.AddScoped<LedgerService>();
        services.AddScoped<PolicyService>();
        services.AddScoped<AllowlistService>();
        services.AddScoped<RpcNetworkService>();
        services.AddScoped<FaucetService>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<DemoBootstrapper>();
        services.AddScoped<Transactions.Web3TransactionService>();
        services.AddScoped<Transactions.ApprovalService>();
        services.AddScoped<Transactions.ApprovalRecheck>();
        services.AddScoped<Transactions.TransactionSigningService>();
        services.AddScoped<Transactions.TransactionExpiryService>();
        services.AddScoped<Transactions.TransactionFeedReader>();
        services.AddScoped<ApproverService>();
        services.AddScoped<Transactions.ApproverInbox>();
        services.AddScoped<Admin.AdminAuthorizer>();
        services.AddScoped<Admin.SignupService>();
        services.AddScoped<Admin.OrganizationService>();
        services.AddScoped<Admin.AccountProfileService>();
        services.AddScoped<Admin.MembershipService>();
        services.AddScoped<Admin.InvitationService>();
        services.AddScoped<Admin.TrustedPartyService>();
        services.AddScoped<Admin.ApproverEnrollment>();
        return services;
    }
}
