namespace Qapi.Server.Authentication;

/// <summary>Reads the raw body bytes for signing and leaves the stream rewound for the endpoint.</summary>
internal static class RequestBody
{
    /// <summary>The body's bytes, or null when it is over the limit.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !HasBody(request)))
        {
            return [];
        }

        if (request.ContentLength > limit)
        {
            return null;
        }

        // Read the raw stream ourselves up to the limit (a chunked body has no length to check first), then give the
        // endpoint a rewindable copy of exactly those bytes.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        request.Body = new MemoryStream(bytes, writable: false);
        return bytes;
    }

    private static bool HasBody(HttpRequest request) =>
        request.Headers.TransferEncoding.Count > 0;
}
