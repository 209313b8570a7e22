namespace Qapi.Core.Protocol;

/// <summary>
/// The <c>qredo-api-ts</c> header. Published docs say nanoseconds while the official tool sends seconds, so the
/// unit is told apart by magnitude: seconds, milliseconds, microseconds or nanoseconds since the Unix epoch.
/// </summary>
public readonly record struct RequestTimestamp(long UnixMilliseconds, TimestampUnit Unit)
{
    private const long MaxSeconds = 99_999_999_999;            // below 1e11: seconds, up to the year 5138
    private const long MaxMilliseconds = 99_999_999_999_999;   // below 1e14
    private const long MaxMicroseconds = 99_999_999_999_999_999;  // below 1e17

    /// <summary>Parses the header text: decimal digits only, no sign, no spaces.</summary>
    public static bool TryParse(string? text, out RequestTimestamp timestamp)
    {
        timestamp = default;
        if (string.IsNullOrEmpty(text) || text.Length > 19)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        // Nineteen digits can still overflow a long (above 9223372036854775807): that is malformed, not a fault.
        if (!long.TryParse(text, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        timestamp = value switch
        {
            <= MaxSeconds => new RequestTimestamp(value * 1000, TimestampUnit.Seconds),
            <= MaxMilliseconds => new RequestTimestamp(value, TimestampUnit.Milliseconds),
            <= MaxMicroseconds => new RequestTimestamp(value / 1000, TimestampUnit.Microseconds),
            _ => new RequestTimestamp(value / 1_000_000, TimestampUnit.Nanoseconds),
        };
        return true;
    }

    /// <summary>How far this timestamp is ahead of (positive) or behind (negative) the given clock.</summary>
    public TimeSpan OffsetFrom(DateTimeOffset now) =>
        TimeSpan.FromMilliseconds(UnixMilliseconds - now.ToUnixTimeMilliseconds());
}

/// <summary>The unit a client's timestamp was written in.</summary>
public enum TimestampUnit
{
    /// <summary>Seconds since the epoch.</summary>
    Seconds,

    /// <summary>Milliseconds since the epoch.</summary>
    Milliseconds,

    /// <summary>Microseconds since the epoch.</summary>
    Microseconds,

    /// <summary>Nanoseconds since the epoch.</summary>
    Nanoseconds,
}
