using Microsoft.EntityFrameworkCore;
using Qapi.Client.Models.Admin;
using Qapi.Core.Errors;
using Qapi.Core.Keys;
using Qapi.Data;
using Qapi.Data.Admin;
using Qapi.Data.Services;
using Qapi.Server.Authentication;

namespace Qapi.Server.Admin.Keys;

/// <summary>
/// An account's API keys: list, create (held by the caller, the secret shown once), update and revoke. A key is
/// revoked, never deleted, so the audit log can still name it. Every route needs ManageKeys on the key's account.
/// </summary>
internal static class KeyEndpoints
{
    public static void MapKeyEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/accounts/{accountId}/keys", ListAsync)
            .WithName("AdminListKeys")
            .Produces<List<AdminKeyInfo>>();
        admin.MapPost("/accounts/{accountId}/keys", CreateAsync)
            .WithName("AdminCreateKey")
            .Accepts<CreateApiKeyRequest>("application/json")
            .Produces<AdminKeyCreatedResponse>(StatusCodes.Status201Created);
        admin.MapPatch("/keys/{keyId}", UpdateAsync)
            .WithName("AdminUpdateKey")
            .Accepts<UpdateApiKeyRequest>("application/json")
            .Produces<AdminKeyInfo>();
        admin.MapDelete("/keys/{keyId}", RevokeAsync)
            .WithName("AdminRevokeKey")
            .Produces(StatusCodes.Status204NoContent);
    }

    private static async Task<IResult> ListAsync(
        HttpContext context, AdminAuthorizer authorizer, ApiKeyService keys, string accountId,
        CancellationToken cancellationToken)
    {
        await authorizer.RequireAsync(context.Principal(), accountId, AdminCapability.ManageKeys, cancellationToken);
        var list = await keys.ListAsync(accountId, cancellationToken);
        return TypedResults.Ok(list.Select(KeyViews.Info).ToList());
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, AdminAuthorizer authorizer, ApiKeyService keys, string accountId,
        CancellationToken cancellationToken)
    {
        var caller = context.Principal();
        await authorizer.RequireAsync(caller, accountId, AdminCapability.ManageKeys, cancellationToken);
        var change = KeyRequestReader.ReadCreate(Body(context));
        if (change.Permissions is not { } permissions || permissions == ApiKeyPermissions.None)
        {
            throw QapiError.Invalid("permissions_required",
                "A key needs at least one permission: balance, read_only, web3 or admin.");
        }

        var (key, secret) = await keys.CreateAsync(accountId, change.Name ?? "", permissions, change.Wallets,
            change.ExpiresAt, caller.PersonId, cancellationToken);
        return TypedResults.Created($"{AdminApi.BasePath}/keys/{key.Id}",
            new AdminKeyCreatedResponse(KeyViews.Info(key), secret));
    }

    private static async Task<IResult> UpdateAsync(
        HttpContext context, AdminAuthorizer authorizer, ApiKeyService keys, QapiDbContext db, string keyId,
        CancellationToken cancellationToken)
    {
        var accountId = await RequireKeyAsync(context, authorizer, db, keyId, cancellationToken);
        var change = KeyRequestReader.ReadUpdate(Body(context));
        if (change.IsEmpty)
        {
            throw QapiError.Invalid("nothing_to_change", "Give at least one of name, permissions, expiresAt.");
        }

        await keys.UpdateAsync(keyId, change.Name, change.Permissions, change.ExpiresAt,
            clearExpiry: change.ExpiresGiven && change.ExpiresAt is null, cancellationToken);
        var updated = (await keys.ListAsync(accountId, cancellationToken)).Single(k => k.Id == keyId);
        return TypedResults.Ok(KeyViews.Info(updated));
    }

    private static async Task<IResult> RevokeAsync(
        HttpContext context, AdminAuthorizer authorizer, ApiKeyService keys, QapiDbContext db, string keyId,
        CancellationToken cancellationToken)
    {
        await RequireKeyAsync(context, authorizer, db, keyId, cancellationToken);
        await keys.RevokeAsync(keyId, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>ManageKeys on the key's account; returns that account's id. Keys out of reach are not found.</summary>
    private static async Task<string> RequireKeyAsync(
        HttpContext context, AdminAuthorizer authorizer, QapiDbContext db, string keyId,
        CancellationToken cancellationToken)
    {
        var notFound = QapiError.NotFound("key_not_found", $"No API key {keyId}.");
        var accountId = await db.ApiKeys.AsNoTracking().Where(k => k.Id == keyId).Select(k => k.AccountId)
            .SingleOrDefaultAsync(cancellationToken) ?? throw notFound;
        try
        {
            await authorizer.RequireAsync(context.Principal(), accountId, AdminCapability.ManageKeys,
                cancellationToken);
        }
        catch (QapiError e) when (e.Kind == QapiErrorKind.NotFound)
        {
            throw notFound;
        }

        return accountId;
    }

    private static byte[] Body(HttpContext context) => context.Features.Get<SignedBody>()?.Bytes ?? [];
}
