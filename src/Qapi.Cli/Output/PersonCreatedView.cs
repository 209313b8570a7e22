using System.Text.Json.Serialization;

namespace Qapi.Cli.Output;

/// <summary>
/// What <c>accounts create --json</c> prints: the person's account and admin key, and the secret only when it was
/// not saved to a file. The mnemonic is never part of it.
/// </summary>
internal sealed record PersonCreatedView(
    AccountView Account,
    KeyView Key,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SavedTo);
