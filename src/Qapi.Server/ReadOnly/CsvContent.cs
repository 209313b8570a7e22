using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;
using Qapi.Core.Csv;

namespace Qapi.Server.ReadOnly;

/// <summary>
/// CSV answers (<c>Accept: text/csv</c>): content negotiation, and streaming rows to the response as the
/// database yields them, so that an export of any size holds only a small buffer in memory.
/// </summary>
internal static class CsvContent
{
    public const string MediaType = "text/csv";

    public const string ContentType = MediaType + "; charset=utf-8";

    // Rows are gathered into a small buffer that goes out, and is flushed, whenever it passes this size. The
    // response body allows only asynchronous writes, which a TextWriter under CsvWriter could not guarantee.
    private const int FlushChars = 32 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Whether the client prefers CSV to JSON: among the Accept header's media ranges that name either
    /// (<c>text/csv</c>; <c>application/json</c>, <c>application/*</c>, <c>*/*</c>), the one with the highest
    /// quality is <c>text/csv</c>. Equal qualities go to the first listed. No Accept header means JSON.
    /// </summary>
    public static bool IsPreferred(HttpRequest request)
    {
        var ranked = request.GetTypedHeaders().Accept
            .Where(a => a.Quality is not <= 0)
            .OrderByDescending(a => a.Quality ?? 1.0);
        foreach (var range in ranked)
        {
            if (range.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (range.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || range.MatchesAllTypes || range.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Streams a header row and one row per item. Call it only once every check has passed: after the first
    /// bytes the status is sent, and a failure can only cut the response short (the client sees a broken
    /// chunked body, never a partial file that looks whole).
    /// </summary>
    public static async Task WriteAsync<T>(
        HttpContext context,
        string fileName,
        IReadOnlyList<string> header,
        IAsyncEnumerable<T> items,
        Action<CsvWriter, T> writeRow)
    {
        var cancellationToken = context.RequestAborted;
        var response = context.Response;
        response.ContentType = ContentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = fileName,
        }.ToString();

        var buffer = new StringBuilder(FlushChars + 1024);
        var csv = new CsvWriter(new StringWriter(buffer, CultureInfo.InvariantCulture));
        await using var body = new StreamWriter(response.Body, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        csv.WriteRecord(header);
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            writeRow(csv, item);
            if (buffer.Length >= FlushChars)
            {
                await body.WriteAsync(buffer, cancellationToken);
                await body.FlushAsync(cancellationToken);
                buffer.Clear();
            }
        }

        await body.WriteAsync(buffer, cancellationToken);
        await body.FlushAsync(cancellationToken);
    }
}
