namespace Qapi.Cli.Output;

/// <summary>What <c>keys create --json</c> prints: the only output that ever holds a key's secret.</summary>
internal sealed record KeyCreatedView(string Id, string Secret, KeyView Key);
