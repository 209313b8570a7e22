namespace Qapi.Core.Keys;

/// <summary>The wire names of permissions: <c>balance</c>, <c>read_only</c>, <c>web3</c>, <c>admin</c>.</summary>
public static class ApiKeyPermissionNames
{
    private static readonly (ApiKeyPermissions Flag, string Name)[] Names =
    [
        (ApiKeyPermissions.Balance, "balance"),
        (ApiKeyPermissions.ReadOnly, "read_only"),
        (ApiKeyPermissions.Web3, "web3"),
        (ApiKeyPermissions.Admin, "admin"),
    ];

    /// <summary>The names of the set flags, comma-separated.</summary>
    public static string Format(ApiKeyPermissions permissions) =>
        string.Join(',', Names.Where(n => permissions.HasFlag(n.Flag)).Select(n => n.Name));

    /// <summary>Parses names separated by commas or spaces; unknown names are an error.</summary>
    public static bool TryParse(string? text, out ApiKeyPermissions permissions, out string? unknown)
    {
        permissions = ApiKeyPermissions.None;
        unknown = null;
        foreach (var part in (text ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var match = Array.FindIndex(Names, n => string.Equals(n.Name, part, StringComparison.OrdinalIgnoreCase));
            if (match < 0)
            {
                unknown = part;
                return false;
            }

            permissions |= Names[match].Flag;
        }

        return true;
    }
}
