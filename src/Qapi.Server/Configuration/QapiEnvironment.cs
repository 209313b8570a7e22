namespace Qapi.Server.Configuration;

/// <summary>
/// The values of <c>Qapi:Environment</c>. Anything else is refused at start: the sandbox turns on the faucet, the
/// demo organization with its known credentials, open sign-up and testnet-only rules, so a typo such as
/// <c>prod</c> must never fall back to it.
/// </summary>
public static class QapiEnvironment
{
    /// <summary>The configuration key.</summary>
    public const string Setting = "Qapi:Environment";

    /// <summary>Testnet assets and chains only, with a faucet.</summary>
    public const string Sandbox = "sandbox";

    /// <summary>Real assets.</summary>
    public const string Production = "production";

    /// <summary>
    /// Whether <paramref name="value"/> names the sandbox. Letter case does not matter (<c>Production</c> is
    /// production), but nothing is trimmed: a value with spaces around it, like every other unknown value, is a
    /// <see cref="QapiConfigurationException"/>.
    /// </summary>
    public static bool IsSandbox(string? value)
    {
        if (string.Equals(value, Sandbox, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(value, Production, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = string.IsNullOrEmpty(value) ? "empty" : $"'{value}'";
        throw new QapiConfigurationException($"{Setting} is {given}, which is not an environment: use {Sandbox} "
            + $"or {Production} (in any letter case, with no spaces around it).");
    }
}
