using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qapi.Core.Keys;
using Qapi.Data;
using Qapi.Data.Services;

namespace Qapi.Server.Tests.Admin;

/// <summary>
/// Sign-up's account, key and audit entries commit together: the services join the caller's transaction, so
/// when it does not commit, nothing of them is left.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class SignupTransactionTests(AdminServerFixture server)
{
    [Fact]
    public async Task AccountAndKey_InAnUncommittedTransaction_LeaveNothingBehind()
    {
        var head = await server.AuditHeadAsync();
        var username = AdminSeeding.Unique("half");

        var keyId = await server.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QapiDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var (account, _) = await sp.GetRequiredService<AccountService>()
                .CreatePersonalAsync(username, "Half", "Made", username + "@people.test", default);
            var (key, _) = await sp.GetRequiredService<ApiKeyService>()
                .CreateAsync(account.Id, "k", ApiKeyPermissions.Admin, [], null, account.Id, default);
            await transaction.RollbackAsync();
            return key.Id;
        });

        var left = await server.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QapiDbContext>();
            return (await db.Accounts.CountAsync(a => a.Username == username),
                await db.ApiKeys.CountAsync(k => k.Id == keyId));
        });
        Assert.Equal((0, 0), left);
        Assert.Empty(await server.AuditAfterAsync(head));
        var (status, _) = await server.AdminClientFor(keyId, "AAAA").GetAsync("/me");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, status);
    }
}
