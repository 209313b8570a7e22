using Qapi.Core.Keys;
using Qapi.Core.Protocol;
using Qapi.Data.Audit;
using Qapi.Data.Services;

namespace Qapi.Data.Admin;

/// <summary>
/// Self-service sign-up: a personal account and an <c>admin</c> key held by it, committed together with their
/// audit entries, so a failure leaves neither behind. The new person is the actor of both entries.
/// </summary>
public sealed class SignupService(
    QapiDbContext db, AccountService accounts, ApiKeyService keys, AuditActor actor, StoreWriteGate writeGate)
{
    public async Task<SignupResult> SignUpAsync(
        string? username, string? firstName, string? lastName, string? email, CancellationToken cancellationToken)
    {
        var validUsername = AccountFields.Username(username);
        var validFirst = AccountFields.Name(firstName, "firstName");
        var validLast = AccountFields.Name(lastName, "lastName");
        var validEmail = AccountFields.Email(email);

        var accountId = QapiId.New();
        var keyId = QapiId.New();
        actor.Name = AdminActor.Of(accountId, keyId);
        using var turn = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (account, mnemonic) = await accounts.CreatePersonalAsync(accountId, validUsername, validFirst,
            validLast, validEmail, cancellationToken);
        var (key, secret) = await keys.CreateAsync(keyId, accountId, "Sign-up admin key", ApiKeyPermissions.Admin, [],
            null, accountId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SignupResult(account, mnemonic, key, secret);
    }
}
