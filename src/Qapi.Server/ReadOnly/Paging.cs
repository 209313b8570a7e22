using Qapi.Core.Errors;

namespace Qapi.Server.ReadOnly;

/// <summary>Offset paging of ledgers and histories, newest first; <c>limit</c> defaults to 50, at most 500.</summary>
internal readonly record struct Paging(int Offset, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static Paging From(int? offset, int? limit)
    {
        if (offset is < 0)
        {
            throw QapiError.Invalid("invalid_offset", "offset must be zero or more.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            throw QapiError.Invalid("invalid_limit", $"limit must be from 1 to {MaxLimit}.");
        }

        return new Paging(offset ?? 0, limit ?? DefaultLimit);
    }
}
