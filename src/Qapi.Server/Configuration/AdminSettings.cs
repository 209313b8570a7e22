namespace Qapi.Server.Configuration;

/// <summary>The <c>Qapi:Admin</c> section: settings of the admin API.</summary>
public sealed class AdminSettings
{
    /// <summary>
    /// <c>open</c> lets anyone sign up through <c>POST /qapi/admin/v1/signup</c>; <c>closed</c> refuses it. Unset,
    /// sign-up is open in the sandbox and closed in production.
    /// </summary>
    public string? Signup { get; set; }

    /// <summary>
    /// How many sign-ups one client address may make per minute (0: no limit). Sign-up needs no credentials, so
    /// this keeps one client from filling the store with accounts.
    /// </summary>
    public int SignupsPerMinute { get; set; } = 10;

    /// <summary>Whether sign-up is open on a server of this environment.</summary>
    public bool SignupOpen(bool sandbox) => Signup?.Trim().ToLowerInvariant() switch
    {
        "open" => true,
        "closed" => false,
        null or "" => sandbox,
        _ => throw new QapiConfigurationException(
            $"Qapi:Admin:Signup is '{Signup}', which is not a sign-up setting: use open or closed, or leave it out."),
    };
}
