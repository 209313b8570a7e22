namespace Qapi.Data.Broadcast;

/// <summary>
/// A JSON-RPC call failed. The message is safe to store in an event and a log: it never holds the endpoint's URL
/// (which may carry a provider's credentials) nor the request's parameters.
/// </summary>
public sealed class RpcException(string message, bool isNodeAnswer, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>Whether the node answered with a JSON-RPC error (as opposed to no usable answer at all).</summary>
    public bool IsNodeAnswer { get; } = isNodeAnswer;
}
