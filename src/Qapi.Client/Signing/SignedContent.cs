namespace Qapi.Client.Signing;

/// <summary>
/// What both signing handlers share: the body sent is the very bytes signed, and the auth headers are replaced.
/// </summary>
internal static class SignedContent
{
    /// <summary>
    /// Reads the content once and replaces it with those very bytes, so a stream that could only be read once, or
    /// content that serializes differently on a second pass, cannot make the sent body differ from the signed one.
    /// </summary>
    public static async Task<byte[]> BufferAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null)
        {
            return [];
        }

        var original = request.Content;
        var body = await original.ReadAsByteArrayAsync(cancellationToken);
        var buffered = new ByteArrayContent(body);
        foreach (var header in original.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        buffered.Headers.ContentLength = body.Length;
        request.Content = buffered;
        original.Dispose();
        return body;
    }

    /// <summary>Replaces any of the three authentication headers already on the request with these values.</summary>
    public static void SetHeaders(HttpRequestMessage request, params (string Name, string Value)[] headers)
    {
        foreach (var (name, value) in headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
