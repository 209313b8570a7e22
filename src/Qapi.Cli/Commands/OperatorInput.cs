using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qapi.Cli.Store;
using Qapi.Core.Accounts;
using Qapi.Core.Keys;
using Qapi.Data;

namespace Qapi.Cli.Commands;

/// <summary>
/// Checks of the operator commands' input. Every check runs before the store is opened, so bad input changes
/// nothing, not even by creating a database.
/// </summary>
internal static class OperatorInput
{
    private static readonly string[] ExpiryFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    /// <summary>A command that takes the store flags, and configuration as <c>--Section:Key=value</c>.</summary>
    public static Command StoreCommand(string name, string description, StoreFlags store)
    {
        var command = new Command(name, description) { TreatUnmatchedTokensAsErrors = false };
        store.AddTo(command);
        return command;
    }

    /// <summary>
    /// The configuration to open the store with: pass-through <c>--Section:Key=value</c> tokens, then the flags.
    /// Any other stray token is a typo, not configuration.
    /// </summary>
    public static string[] ConfigurationArgs(ParseResult parse, StoreFlags store)
    {
        foreach (var token in parse.UnmatchedTokens)
        {
            if (!IsSetting(token))
            {
                throw new CliInputException(
                    $"Unrecognized argument '{token}'. Configuration goes as --Section:Key=value.");
            }
        }

        return [.. parse.UnmatchedTokens, .. store.ToConfigurationArgs(parse)];
    }

    /// <summary>Whether a token is configuration, <c>--Section:Key=value</c>.</summary>
    public static bool IsSetting(string token)
    {
        var equals = token.IndexOf('=');
        return token.StartsWith("--", StringComparison.Ordinal) && equals > 0
            && token.AsSpan(0, equals).Contains(':');
    }

    public static ApiKeyPermissions Permissions(string text)
    {
        if (!ApiKeyPermissionNames.TryParse(text, out var permissions, out var unknown))
        {
            throw new CliInputException(
                $"Unknown permission '{unknown}': use balance, read_only or web3, separated by commas.");
        }

        return permissions != ApiKeyPermissions.None
            ? permissions
            : throw new CliInputException("--permissions needs at least one of balance, read_only, web3.");
    }

    /// <summary>An ISO 8601 date or date and time; without an offset it is UTC.</summary>
    public static DateTimeOffset Expiry(string text)
    {
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        return DateTimeOffset.TryParseExact(
            text.Trim(), ExpiryFormats, CultureInfo.InvariantCulture, styles, out var expiry)
            ? expiry
            : throw new CliInputException(
                $"'{text}' is not an ISO 8601 date or time, such as 2027-01-01 or 2027-01-01T12:00:00Z.");
    }

    /// <summary>The id of the account with this id, or of the personal account with this username.</summary>
    public static async Task<string> ResolveAccountAsync(
        OperatorStore store, string idOrUsername, CancellationToken cancellationToken)
    {
        await using var scope = store.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<QapiDbContext>();
        var matches = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == idOrUsername || (a.Kind == AccountKind.Personal && a.Username == idOrUsername))
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        if (matches.Count == 0)
        {
            throw new CliInputException(
                $"No account with the id or username '{idOrUsername}'; `qapi accounts list` shows them.");
        }

        // An id wins over a username that happens to spell the same text.
        return matches.Contains(idOrUsername) ? idOrUsername : matches[0];
    }
}
