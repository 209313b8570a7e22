using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Qapi.Cli.Admin;

namespace Qapi.Cli.Commands.Admin;

/// <summary><c>qapi wallet create|list|show|rename|status|faucet</c> and <c>qapi wallet allowlist ...</c>.</summary>
internal static class WalletCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("wallet", "Create, list, show, rename wallets, set their status, use the faucet.");
        command.Subcommands.Add(CreateWallet(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Show(console));
        command.Subcommands.Add(Patch(console, "rename", "name", "Rename a wallet."));
        command.Subcommands.Add(Patch(console, "status", "status",
            "Set a wallet's status: ready, pending, expired or rejected."));
        command.Subcommands.Add(Faucet(console));
        command.Subcommands.Add(AllowlistCommand.Create(console));
        return command;
    }

    public static Argument<string> WalletId() => AdminCommand.Id("wallet", "The wallet's id.");

    public static string WalletPath(ParseResult parse, Argument<string> wallet) =>
        "/wallets/" + AdminApiClient.Segment(parse.GetValue(wallet)!);

    private static Command CreateWallet(CliConsole console)
    {
        var fund = AdminCommand.Required("--fund", "The fund's id.");
        var name = AdminCommand.Required("--name", "The wallet's name.");
        var asset = AdminCommand.Required("--asset", "Its asset, for example ETH-TESTNET.");
        var type = AdminCommand.Optional("--type",
            "standard (default), dedicated, multi_counterparty, vesting, external (Web3) or fee.");
        return AdminCommand.Create(console, "create", "Create a wallet in a fund; its address is derived.",
            [fund, name, asset, type],
            (parse, client, token) =>
            {
                var body = new JsonObject
                {
                    ["name"] = parse.GetRequiredValue(name),
                    ["asset"] = parse.GetRequiredValue(asset),
                };
                if (parse.GetValue(type) is { } kind)
                {
                    body["type"] = kind;
                }

                return client.SendAsync(HttpMethod.Post,
                    $"/funds/{AdminApiClient.Segment(parse.GetRequiredValue(fund))}/wallets", body, token);
            },
            AdminCommand.Fields(console));
    }

    private static Command List(CliConsole console)
    {
        var fund = AdminCommand.Required("--fund", "The fund's id.");
        return AdminCommand.Create(console, "list", "List a fund's wallets.", [fund],
            async (parse, client, token) =>
            {
                var answer = await client.GetAsync($"/funds/{AdminApiClient.Segment(parse.GetRequiredValue(fund))}",
                    token);
                var wallets = JsonFields.Find(answer.Json, "wallets")
                    ?? JsonFields.Find(answer.Json, "fund", "wallets");
                return AdminAnswer.From(Encoding.UTF8.GetBytes(wallets?.GetRawText() ?? "[]"));
            },
            (_, answer) => AdminOutput.Rows(console, answer.Json, ("ID", ["id", "walletId", "wallet_id"]),
                ("NAME", ["name"]), ("ASSET", ["asset"]), ("ADDRESS", ["address"]), ("STATUS", ["status"]),
                ("BALANCE", ["balance"])));
    }

    private static Command Show(CliConsole console)
    {
        var wallet = WalletId();
        return AdminCommand.Create(console, "show", "Show a wallet.", [wallet],
            (parse, client, token) => client.GetAsync(WalletPath(parse, wallet), token),
            AdminCommand.Fields(console));
    }

    private static Command Patch(CliConsole console, string verb, string field, string description)
    {
        var wallet = WalletId();
        var value = AdminCommand.Id(field, $"The new {field}.");
        return AdminCommand.Create(console, verb, description, [wallet, value],
            (parse, client, token) => client.SendAsync(HttpMethod.Patch, WalletPath(parse, wallet),
                new JsonObject { [field] = parse.GetValue(value) }, token),
            AdminCommand.Fields(console));
    }

    private static Command Faucet(CliConsole console)
    {
        var wallet = WalletId();
        var amount = AdminCommand.Required("--amount", "How much, in whole units of the asset: 0.5 is half an ETH.");
        return AdminCommand.Create(console, "faucet", "Credit a sandbox wallet (a deposit in the ledger).",
            [wallet, amount],
            (parse, client, token) => client.SendAsync(HttpMethod.Post, WalletPath(parse, wallet) + "/faucet",
                new JsonObject { ["amount"] = parse.GetRequiredValue(amount).Trim() }, token),
            (parse, answer) =>
            {
                if (answer.IsEmpty)
                {
                    console.Out.WriteLine($"Credited {parse.GetValue(amount)} to wallet {parse.GetValue(wallet)}.");
                }
                else
                {
                    AdminOutput.Fields(console, answer.Json);
                }
            });
    }
}
