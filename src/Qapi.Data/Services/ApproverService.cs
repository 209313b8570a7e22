using Microsoft.EntityFrameworkCore;
using Qapi.Core.Accounts;
using Qapi.Core.Approvals;
using Qapi.Core.Errors;
using Qapi.Core.Protocol;
using Qapi.Data.Audit;
using Qapi.Data.Entities;

namespace Qapi.Data.Services;

/// <summary>Enrolls approvers' public keys and creates signing agents.</summary>
public sealed class ApproverService(QapiDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>
    /// Enrolls a public key for a person or signing agent, replacing (revoking) any key enrolled before.
    /// </summary>
    public async Task<ApproverKey> EnrollAsync(
        string memberId, string publicKeyHex, CancellationToken cancellationToken)
    {
        var publicKey = publicKeyHex.Trim().ToLowerInvariant();
        if (!ApproverKeys.IsValidPublicKey(publicKey))
        {
            throw QapiError.Invalid("invalid_public_key",
                "An approver key is a 33-byte compressed secp256k1 key, hex.");
        }

        var member = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == memberId, cancellationToken)
            ?? throw QapiError.NotFound("account_not_found", $"No account {memberId}.");
        if (member.Kind == AccountKind.Organization)
        {
            throw QapiError.Invalid("not_an_approver", "Approvers are people or signing agents, not organizations.");
        }

        if (await db.ApproverKeys.AnyAsync(k => k.PublicKey == publicKey, cancellationToken))
        {
            throw QapiError.Conflict("public_key_in_use", "That public key is already enrolled.");
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ApproverKeys.Where(k => k.MemberId == memberId && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken);
        var key = new ApproverKey { Id = QapiId.New(), MemberId = memberId, PublicKey = publicKey, CreatedAt = now };
        db.ApproverKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("approver_key.enroll", member.OwnerId ?? member.Id, key.Id,
            new { memberId, publicKey }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return key;
    }

    /// <summary>Creates a signing agent (an automated approver) owned by an account.</summary>
    public async Task<Account> CreateSigningAgentAsync(string ownerId, string name, CancellationToken cancellationToken)
    {
        if (!await db.Accounts.AnyAsync(a => a.Id == ownerId, cancellationToken))
        {
            throw QapiError.NotFound("account_not_found", $"No account {ownerId}.");
        }

        var agent = new Account
        {
            Id = QapiId.New(),
            Kind = AccountKind.SigningAgent,
            Name = string.IsNullOrWhiteSpace(name) ? "Signing agent" : name,
            Email = "",
            OwnerId = ownerId,
            EncryptedSeed = "",
            CreatedAt = clock.GetUtcNow().ToUnixTimeSeconds(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Accounts.Add(agent);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync("signing_agent.create", ownerId, agent.Id, new { name = agent.Name },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return agent;
    }
}
