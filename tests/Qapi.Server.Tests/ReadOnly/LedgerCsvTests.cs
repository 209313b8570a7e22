using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qapi.Core.Keys;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.ReadOnly;

/// <summary>
/// Fund ledgers and wallet histories as CSV: the same rows as JSON over every page, RFC 4180, formula-like text
/// neutralised, the same scope rules and JSON errors.
/// </summary>
public sealed class LedgerCsvTests(QapiServerFixture server) : IClassFixture<QapiServerFixture>
{
    private static readonly string[] WalletColumns =
        ["txID", "chainTxID", "walletID", "timestamp", "asset", "amount", "fees", "netAmount", "status", "type"];

    private static readonly string[] FundColumns =
    [
        "txID", "chainTxID", "fundID", "walletID", "timestamp", "type", "asset", "amount", "fees", "netAmount",
        "counterpartyID", "counterpartyName", "address", "reference", "benefitOf", "accountNo", "later1TxID",
    ];

    private static readonly string[] TextColumns =
        ["txID", "chainTxID", "fundID", "walletID", "asset", "counterpartyID", "counterpartyName", "address",
            "reference", "benefitOf", "accountNo", "later1TxID"];

    [Fact]
    public async Task WalletHistoryCsv_HasEveryEntryOfEveryPage_AsTheJsonRows()
    {
        var seeded = await server.SeedLedgerAsync(wallets: 1, entriesPerWallet: 1_100);
        var wallet = seeded.WalletIds[0];

        var csv = await GetCsvAsync(server.DemoClient, $"/wallet/{wallet}/history");
        var json = await AllJsonRowsAsync(server.DemoClient, $"/wallet/{wallet}/history", "history");

        var rows = Rfc4180.Parse(csv);
        Assert.Equal(WalletColumns, rows[0]);
        Assert.Equal(1_101, json.Count);
        Assert.Equal(json.Select(r => Cells(r, WalletColumns)), rows.Skip(1).Select(Restore));
    }

    [Fact]
    public async Task FundLedgerCsv_HasEveryWalletsEntries_AsTheJsonRows()
    {
        var seeded = await server.SeedLedgerAsync(wallets: 2, entriesPerWallet: 300);

        var csv = await GetCsvAsync(server.DemoClient, $"/funds/{seeded.FundId}/ledger");
        var json = await AllJsonRowsAsync(server.DemoClient, $"/funds/{seeded.FundId}/ledger", "list");

        var rows = Rfc4180.Parse(csv);
        Assert.Equal(FundColumns, rows[0]);
        Assert.Equal(601, json.Count);
        Assert.Equal(json.Select(r => Cells(r, FundColumns)), rows.Skip(1).Select(Restore));
        Assert.Equal(seeded.WalletIds.Order(), rows.Skip(1).Select(r => r[3]).Distinct().Order());
        Assert.Equal(rows, await Rfc4180.ParseWithPythonAsync(csv));
    }

    [Fact]
    public async Task FormulaLikeText_ComesOutNeutralised_AndNegativeAmountsAsNumbers()
    {
        var seeded = await server.SeedLedgerAsync(wallets: 1, entriesPerWallet: 20);

        var csv = await GetCsvAsync(server.DemoClient, $"/funds/{seeded.FundId}/ledger");

        var rows = Rfc4180.Parse(csv);
        var references = rows.Skip(1).Select(r => r[Array.IndexOf(FundColumns, "reference")]).ToHashSet();
        Assert.Contains("'=HYPERLINK(\"http://x\")", references);
        Assert.Contains("'+1", references);
        Assert.Contains("'-1+2", references);
        Assert.Contains("'@SUM(A1)", references);
        Assert.Contains("'\tcmd", references);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv);
        foreach (var column in TextColumns)
        {
            var index = Array.IndexOf(FundColumns, column);
            Assert.All(rows.Skip(1), r => Assert.False(r[index].Length > 0 && "=+-@\t\r".Contains(r[index][0]),
                $"{column} starts a formula: {r[index]}"));
        }

        var outflow = rows.Single(r => r[Array.IndexOf(FundColumns, "counterpartyName")] == "'-evil");
        Assert.Equal("-1000000000", outflow[Array.IndexOf(FundColumns, "amount")]);
        Assert.Equal("-1000021000", outflow[Array.IndexOf(FundColumns, "netAmount")]);
        Assert.Equal("'=cmd|' /C calc'!A0", outflow[Array.IndexOf(FundColumns, "address")]);
    }

    [Fact]
    public async Task Csv_IsUtf8WithCrlf_AndExplicitPagingStillLimitsIt()
    {
        var seeded = await server.SeedLedgerAsync(wallets: 1, entriesPerWallet: 30);
        var path = $"/wallet/{seeded.WalletIds[0]}/history";

        var response = await SendAsync(server.DemoClient, $"/funds/{seeded.FundId}/ledger", "text/csv");
        var paged = Rfc4180.Parse(await GetCsvAsync(server.DemoClient, path + "?offset=5&limit=10"));
        var page = await ReadJsonAsync(server.DemoClient, path + "?offset=5&limit=10");

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("Accept", response.Headers.Vary);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Contains("ünïcødé €", System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal(11, paged.Count);
        Assert.Equal(page.GetProperty("history").EnumerateArray().Select(r => Cells(r, WalletColumns)),
            paged.Skip(1).Select(Restore));
    }

    [Fact]
    public async Task WalletScopedKeysCsv_HasOnlyItsWallets()
    {
        var seeded = await server.SeedLedgerAsync(wallets: 2, entriesPerWallet: 15);
        var (keyId, secret) = await server.KeyAsync(server.Demo.OrganizationId, ApiKeyPermissions.ReadOnly,
            seeded.WalletIds[0]);
        var client = server.ClientFor(keyId, secret);

        var rows = Rfc4180.Parse(await GetCsvAsync(client, $"/funds/{seeded.FundId}/ledger"));

        Assert.Equal(17, rows.Count);
        Assert.All(rows.Skip(1), r => Assert.Equal(seeded.WalletIds[0], r[3]));
        await AssertJsonErrorAsync(await SendAsync(client, $"/wallet/{seeded.WalletIds[1]}/history", "text/csv"),
            HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CsvRequests_AreRefusedInTheJsonErrorShape()
    {
        var seeded = await server.SeedLedgerAsync(wallets: 1, entriesPerWallet: 1);
        var (_, otherFund, otherWallet) = await server.OtherOrganizationAsync();
        var (balanceKey, balanceSecret) = await server.KeyAsync(server.Demo.OrganizationId,
            ApiKeyPermissions.Balance);
        var unsigned = await server.DemoClient.SendAsync(HttpMethod.Get, $"/funds/{seeded.FundId}/ledger", null,
            p =>
            {
                p.Signature = "AAAA";
                p.ExtraHeaders["Accept"] = "text/csv";
            });

        await AssertJsonErrorAsync(unsigned, HttpStatusCode.Unauthorized);
        await AssertJsonErrorAsync(await SendAsync(server.ClientFor(balanceKey, balanceSecret),
            $"/funds/{seeded.FundId}/ledger", "text/csv"), HttpStatusCode.Forbidden);
        await AssertJsonErrorAsync(await SendAsync(server.DemoClient, $"/funds/{otherFund}/ledger", "text/csv"),
            HttpStatusCode.NotFound);
        await AssertJsonErrorAsync(await SendAsync(server.DemoClient, $"/wallet/{otherWallet}/history", "text/csv"),
            HttpStatusCode.NotFound);
        await AssertJsonErrorAsync(await SendAsync(server.DemoClient,
            $"/wallet/{seeded.WalletIds[0]}/history?limit=0", "text/csv"), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("text/csv", true)]
    [InlineData("text/html, text/csv", true)]
    [InlineData("application/json;q=0.5, text/csv;q=0.9", true)]
    [InlineData("text/csv, application/json", true)]
    [InlineData("application/json, text/csv", false)]
    [InlineData("text/csv;q=0", false)]
    [InlineData("*/*", false)]
    [InlineData("*/*;q=1, text/csv;q=0.5", false)]
    [InlineData("", false)]
    public async Task AcceptHeader_DecidesBetweenCsvAndJson(string accept, bool csv)
    {
        var response = await SendAsync(server.DemoClient, $"/wallet/{server.Demo.WalletId}/history", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(csv ? "text/csv" : "application/json", response.Content.Headers.ContentType!.MediaType);
    }

    private static async Task<HttpResponseMessage> SendAsync(SignedClient client, string path, string accept) =>
        await client.SendAsync(HttpMethod.Get, path, null, p =>
        {
            if (accept.Length > 0)
            {
                p.ExtraHeaders["Accept"] = accept;
            }
        });

    private static async Task<string> GetCsvAsync(SignedClient client, string path)
    {
        var response = await SendAsync(client, path, "text/csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<JsonElement> ReadJsonAsync(SignedClient client, string path)
    {
        var response = await SendAsync(client, path, "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Every item, page by page, newest first.</summary>
    private static async Task<List<JsonElement>> AllJsonRowsAsync(SignedClient client, string path, string list)
    {
        var rows = new List<JsonElement>();
        while (true)
        {
            var page = await ReadJsonAsync(client, $"{path}?offset={rows.Count}&limit=500");
            var items = page.GetProperty(list).EnumerateArray().ToList();
            rows.AddRange(items);
            if (items.Count < 500)
            {
                return rows;
            }
        }
    }

    /// <summary>The cells a JSON item should become: numbers as written, texts as is, lists space-separated.</summary>
    private static string[] Cells(JsonElement item, string[] columns) =>
        columns.Select(c => item.GetProperty(c) switch
        {
            { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            { ValueKind: JsonValueKind.Array } a => string.Join(' ', a.EnumerateArray().Select(x => x.GetString())),
            var s => s.GetString()!,
        }).ToArray();

    /// <summary>Undoes the neutralisation (docs/csv.md): a cell that starts with <c>'</c> loses it.</summary>
    private static string[] Restore(string[] row) =>
        row.Select(c => c.StartsWith('\'') ? c[1..] : c).ToArray();

    private static async Task AssertJsonErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
            body.GetProperty("code").GetString());
        Assert.True(body.GetProperty("detail").TryGetProperty("reason", out _));
    }
}
