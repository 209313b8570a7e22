using System.Text.Json.Serialization;
using Qapi.Cli.Store;

namespace Qapi.Cli.Output;

/// <summary>JSON for the operator commands' <c>--json</c> output, and for approver key files.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(KeyView))]
[JsonSerializable(typeof(List<KeyView>))]
[JsonSerializable(typeof(KeyCreatedView))]
[JsonSerializable(typeof(List<AccountView>))]
[JsonSerializable(typeof(PersonCreatedView))]
[JsonSerializable(typeof(ApproverKeyFile))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
