namespace Qapi.Data.Admin;

/// <summary>
/// Who is calling the admin API: the person holding the key, the account the key belongs to (the person's own
/// account, or an organization that issued the key to them) and the key itself.
/// </summary>
public sealed record AdminPrincipal(string PersonId, string KeyAccountId, string KeyId);
