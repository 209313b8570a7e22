using System.Text.Json.Serialization;

namespace Qapi.Cli.Output;

/// <summary>JSON for the operator commands' <c>--json</c> output.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(KeyView))]
[JsonSerializable(typeof(List<KeyView>))]
[JsonSerializable(typeof(KeyCreatedView))]
[JsonSerializable(typeof(List<AccountView>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
