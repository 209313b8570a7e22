using System.CommandLine;

namespace Qapi.Cli.Commands;

/// <summary>
/// <c>--data</c> and <c>--environment</c>, mapped onto the server's configuration keys, so that <c>serve</c> and
/// the operator commands find the same store. Left out, configuration (appsettings.json, <c>Qapi__*</c>
/// environment variables) decides, and then the defaults: sandbox, <c>./data/{environment}</c>.
/// </summary>
internal sealed class StoreFlags
{
    public Option<string> Data { get; } = new("--data")
    {
        Description = "The data directory (database and key-encryption key). Default: ./data/{environment}.",
        HelpName = "DIR",
    };

    public Option<string> Environment { get; } = new Option<string>("--environment")
    {
        Description = "sandbox (default) or production; each has its own data directory.",
    }.AcceptOnlyFromAmong("sandbox", "production");

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Environment);
    }

    public IEnumerable<string> ToConfigurationArgs(ParseResult parse)
    {
        if (parse.GetValue(Environment) is { } environment)
        {
            yield return "--Qapi:Environment=" + environment;
        }

        if (parse.GetValue(Data) is { } data)
        {
            yield return "--Qapi:DataDirectory=" + Path.GetFullPath(data);
        }
    }
}
