using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qapi.Client.Models.Admin;
using Qapi.Core.Errors;
using Qapi.Data;
using Qapi.Data.Admin;
using Qapi.Data.Entities;

namespace Qapi.Server.Admin.Audit;

/// <summary><c>GET /accounts/{accountId}/audit?page=&amp;size=</c>: an account's entries, newest first.</summary>
internal static class AuditEndpoints
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public static void MapAuditEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/accounts/{accountId}/audit", PageAsync)
            .WithName("AdminAuditLog")
            .Produces<AuditPageResponse>();
    }

    private static async Task<IResult> PageAsync(
        HttpContext context, AdminAuthorizer authorizer, QapiDbContext db, string accountId, string? page,
        string? size, CancellationToken cancellationToken)
    {
        var pageNumber = Number(page, "page", 1, int.MaxValue, 1);
        var pageSize = Number(size, "size", 1, MaxSize, DefaultSize);
        await authorizer.RequireAsync(context.Principal(), accountId, AdminCapability.ReadAudit, cancellationToken);

        var entries = db.AuditEntries.AsNoTracking().Where(e => e.AccountId == accountId);
        var total = await entries.CountAsync(cancellationToken);
        var skip = (long)(pageNumber - 1) * pageSize;
        var rows = skip >= total
            ? []
            : await entries.OrderByDescending(e => e.Id).Skip((int)skip).Take(pageSize)
                .ToListAsync(cancellationToken);
        return TypedResults.Ok(new AuditPageResponse(pageNumber, pageSize, total, rows.Select(Info).ToList()));
    }

    private static AuditEntryInfo Info(AuditEntry e)
    {
        using var detail = JsonDocument.Parse(e.Detail);
        var when = DateTimeOffset.FromUnixTimeMilliseconds(e.Timestamp)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return new AuditEntryInfo(e.Id, when, e.Actor, e.Action, e.AccountId, e.ObjectId, detail.RootElement.Clone(),
            e.PreviousHash, e.Hash);
    }

    private static int Number(string? text, string name, int min, int max, int fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max
            ? value
            : throw QapiError.Invalid("invalid_" + name, $"{name} must be a whole number from {min} to {max}.");
    }
}
