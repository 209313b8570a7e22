namespace Qapi.Cli;

/// <summary>Exit codes of <c>qapi</c>.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The server answered 4xx or 5xx, or could not be reached.</summary>
    public const int RequestFailed = 1;

    /// <summary>Bad input: a missing or malformed flag, an unknown name or id. Nothing was changed.</summary>
    public const int BadInput = 2;

    /// <summary><c>serve</c> could not listen where it was told to, usually because the port is taken.</summary>
    public const int CannotListen = 3;
}
