using Qapi.Data.Entities;

namespace Qapi.Cli.Output;

/// <summary>An account as <c>accounts list</c> prints it.</summary>
internal sealed record AccountView(string Id, string Kind, string Name, string? Username)
{
    public static AccountView From(Account account) =>
        new(account.Id, account.Kind.ToString().ToLowerInvariant(), account.Name, account.Username);
}
