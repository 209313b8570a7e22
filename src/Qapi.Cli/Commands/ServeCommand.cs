using System.CommandLine;
using Microsoft.AspNetCore.Connections;
using Qapi.Server.Hosting;

namespace Qapi.Cli.Commands;

/// <summary><c>qapi serve</c>: runs the server.</summary>
internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen, ';'-separated. Default: {QapiApp.DefaultUrl}.",
        };
        var store = new StoreFlags();
        var description = "Run the Qredo API v1 server. Other arguments are configuration for the web host, such as "
            + "--Qapi:Storage:Provider=postgres.";
        var command = new Command("serve", description)
        {
            // Anything else (--Qapi:Storage:Provider=postgres, --Logging:LogLevel:Default=Debug, ...) is
            // configuration for the web host, exactly as `dotnet Qapi.Server.dll` would take it.
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Options.Add(urls);
        store.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var args = new List<string>(parse.UnmatchedTokens);
            if (parse.GetValue(urls) is { } given)
            {
                args.Add("--urls=" + given);
            }

            // Flags come last so that they win over the same keys given as pass-through configuration.
            args.AddRange(store.ToConfigurationArgs(parse));
            if (ListenCheck.FirstBusy(parse.GetValue(urls) ?? QapiApp.DefaultUrl) is { } busy)
            {
                await console.Error.WriteLineAsync($"qapi: cannot listen on {busy}: the address is in use. Is another "
                    + "server running? Stop it, or pass --urls with a free port.");
                return ExitCodes.CannotListen;
            }

            await using var app = QapiApp.Create([.. args]);
            try
            {
                await app.RunAsync(cancellationToken);
            }
            catch (IOException e) when (e.InnerException is AddressInUseException)
            {
                await console.Error.WriteLineAsync($"qapi: cannot listen: {e.Message} Is another server running? "
                    + "Stop it, or pass --urls with a free port.");
                return ExitCodes.CannotListen;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
