using System.Globalization;
using Qapi.Core.Approvals;

namespace Qapi.Client.Signing;

/// <summary>
/// Signs every request to the approvers' channel (<c>/approver/v1</c>) with an approver's secp256k1 key: the
/// <c>qapi-approver-id</c>, <c>qapi-approver-ts</c> and <c>qapi-approver-sig</c> headers, over the exact bytes sent
/// and the URL they are sent to (see <see cref="QredoSigningHandler.SignedUrl"/>).
/// </summary>
public sealed class ApproverSigningHandler : DelegatingHandler
{
    private readonly string _keyId;
    private readonly string _privateKeyHex;
    private readonly TimeProvider _clock;

    /// <summary>Signs as the enrolled key with this id; the inner handler is set later (for example by DI).</summary>
    /// <exception cref="FormatException">The private key is not 32 bytes of hex.</exception>
    public ApproverSigningHandler(string keyId, string privateKeyHex, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        _ = ApproverKeys.PublicKeyOf(privateKeyHex);
        _keyId = keyId;
        _privateKeyHex = privateKeyHex;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Signs as the enrolled key with this id, sending through the given handler.</summary>
    /// <exception cref="FormatException">The private key is not 32 bytes of hex.</exception>
    public ApproverSigningHandler(
        string keyId, string privateKeyHex, HttpMessageHandler innerHandler, TimeProvider? clock = null)
        : this(keyId, privateKeyHex, clock)
    {
        InnerHandler = innerHandler;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = QredoSigningHandler.SignedUrl(request);
        var body = await SignedContent.BufferAsync(request, cancellationToken);

        // Milliseconds: the signature is deterministic (RFC 6979), so two identical decisions sent within one second
        // would otherwise carry the same signature, and the second would be refused as a replay.
        var timestamp = request.Headers.TryGetValues(ApproverHeaders.Timestamp, out var given)
            ? given.First()
            : _clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var signature = ApproverRequestSignature.Compute(_privateKeyHex, timestamp, request.Method.Method, url, body);

        SignedContent.SetHeaders(request, (ApproverHeaders.KeyId, _keyId), (ApproverHeaders.Timestamp, timestamp),
            (ApproverHeaders.Signature, signature));
        return await base.SendAsync(request, cancellationToken);
    }
}
