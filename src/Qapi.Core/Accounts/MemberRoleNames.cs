namespace Qapi.Core.Accounts;

/// <summary>Roles on the wire: <c>administrator</c>, <c>fund_organizer</c>, <c>approver</c>, <c>trader</c>.</summary>
public static class MemberRoleNames
{
    private static readonly (MemberRole Role, string Name)[] Names =
    [
        (MemberRole.Administrator, "administrator"),
        (MemberRole.FundOrganizer, "fund_organizer"),
        (MemberRole.Approver, "approver"),
        (MemberRole.Trader, "trader"),
    ];

    /// <summary>The role's wire name.</summary>
    public static string Format(MemberRole role) => Array.Find(Names, n => n.Role == role).Name;

    /// <summary>Parses a wire name (exactly as written on the wire).</summary>
    public static bool TryParse(string? text, out MemberRole role)
    {
        var match = Array.FindIndex(Names, n => n.Name == text);
        role = match < 0 ? default : Names[match].Role;
        return match >= 0;
    }

    /// <summary>Every wire name, for error messages.</summary>
    public static string All => string.Join(", ", Names.Select(n => n.Name));
}
