namespace Qapi.Bench.Flow;

/// <summary>The server answered, but not what a successful step of the flow answers.</summary>
internal sealed class FlowException(string message) : Exception(message);
