using Qapi.Core.Keys;
using Qapi.Core.Protocol;
using Qapi.Data.Audit;
using Qapi.Data.Services;

namespace Qapi.Data.Admin;

/// <summary>
/// A new person: a personal account and an <c>admin</c> key held by it, committed together with their audit
/// entries, so a failure leaves neither behind. Self-service sign-up names the new person as the actor of both
/// entries; an operator creating the person on the server's machine stays the actor of the scope.
/// </summary>
public sealed class SignupService(
    QapiDbContext db, AccountService accounts, ApiKeyService keys, AuditActor actor, StoreWriteGate writeGate)
{
    /// <summary>Self-service sign-up (<c>POST /signup</c>): the new person is the actor.</summary>
    public Task<SignupResult> SignUpAsync(
        string? username, string? firstName, string? lastName, string? email, CancellationToken cancellationToken) =>
        CreateAsync(username, firstName, lastName, email, selfService: true, cancellationToken);

    /// <summary>
    /// The operator's bootstrap (<c>qapi accounts create</c>), for a server whose sign-up is closed: the same
    /// account and key, audited under the scope's actor (<c>operator</c>).
    /// </summary>
    public Task<SignupResult> CreateByOperatorAsync(
        string? username, string? firstName, string? lastName, string? email, CancellationToken cancellationToken) =>
        CreateAsync(username, firstName, lastName, email, selfService: false, cancellationToken);

    private async Task<SignupResult> CreateAsync(
        string? username,
        string? firstName,
        string? lastName,
        string? email,
        bool selfService,
        CancellationToken cancellationToken)
    {
        var validUsername = AccountFields.Username(username);
        var validFirst = AccountFields.Name(firstName, "firstName");
        var validLast = AccountFields.Name(lastName, "lastName");
        var validEmail = AccountFields.Email(email);

        var accountId = QapiId.New();
        var keyId = QapiId.New();
        if (selfService)
        {
            actor.Name = AdminActor.Of(accountId, keyId);
        }

        using var turn = await writeGate.EnterAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (account, mnemonic) = await accounts.CreatePersonalAsync(accountId, validUsername, validFirst,
            validLast, validEmail, cancellationToken);
        var keyName = selfService ? "Sign-up admin key" : "Admin key (created by the operator)";
        var (key, secret) = await keys.CreateAsync(keyId, accountId, keyName, ApiKeyPermissions.Admin, [], null,
            accountId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SignupResult(account, mnemonic, key, secret);
    }
}
