using Qapi.Core.Csv;

namespace Qapi.Core.Tests.Csv;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("bare\nlf", "\"bare\nlf\"")]
    [InlineData("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8")]
    public void Text_IsQuotedOnlyWhenItMustBe(string value, string expected) =>
        Assert.Equal(expected + "\r\n", Record(csv => csv.WriteText(value)));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("\ncmd", "\"'\ncmd\"")]
    [InlineData("=1,2", "\"'=1,2\"")]
    [InlineData("'quoted", "''quoted")]
    public void FormulaLikeText_GetsTheTextPrefix(string value, string expected) =>
        Assert.Equal(expected + "\r\n", Record(csv => csv.WriteText(value)));

    [Theory]
    [InlineData("a=1")]
    [InlineData(" =1")]
    [InlineData("1-2")]
    [InlineData("x@y.test")]
    public void FormulaCharactersAfterTheFirst_AreLeftAlone(string value) =>
        Assert.Equal(value + "\r\n", Record(csv => csv.WriteText(value)));

    [Theory]
    [InlineData(-1_000_000_000L, "-1000000000")]
    [InlineData(0L, "0")]
    [InlineData(long.MinValue, "-9223372036854775808")]
    [InlineData(long.MaxValue, "9223372036854775807")]
    public void Numbers_AreWrittenAsNumbersWithoutPrefix(long value, string expected) =>
        Assert.Equal(expected + "\r\n", Record(csv => csv.WriteNumber(value)));

    [Fact]
    public void Records_SeparateFieldsWithCommasAndEndWithCrlf()
    {
        var text = Record(csv =>
        {
            csv.WriteRecord(["txID", "amount", "reference"]);
            csv.WriteText("T1");
            csv.WriteNumber(-5);
            csv.WriteText(null);
        });

        Assert.Equal("txID,amount,reference\r\nT1,-5,\r\n", text);
    }

    [Fact]
    public void TextPrefix_IsUndoneByDroppingOneLeadingQuote()
    {
        string[] values = ["=1", "'", "''x", "'=1", "plain", "-", "@"];
        foreach (var value in values)
        {
            var cell = Unquote(Record(csv => csv.WriteText(value))[..^2]);
            var restored = cell.StartsWith(CsvWriter.TextPrefix) ? cell[1..] : cell;
            Assert.Equal(value, restored);
        }
    }

    private static string Record(Action<CsvWriter> write)
    {
        var output = new StringWriter();
        var csv = new CsvWriter(output);
        write(csv);
        csv.EndRecord();
        return output.ToString();
    }

    private static string Unquote(string field) =>
        field.StartsWith('"') ? field[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : field;
}
