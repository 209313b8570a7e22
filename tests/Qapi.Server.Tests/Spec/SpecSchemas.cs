using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Qapi.Server.Tests.Spec;

/// <summary>
/// JSON Schemas built from the spec's components, to validate what the server answers. Two OpenAPI 3.0 idioms
/// are translated: <c>nullable: true</c> becomes a type that admits null, and <c>oneOf</c> becomes
/// <c>anyOf</c>, because the spec's two account shapes share every property and declare none required, so
/// any account object matches both and a strict <c>oneOf</c> would refuse every response.
/// </summary>
public static class SpecSchemas
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Built = new();
    private static readonly Lazy<JsonObject> Definitions = new(() =>
        (JsonObject)Translate(OpenApiSpec.Root["components"]!["schemas"]!.DeepClone())!);

    /// <summary>The failures of validating an instance against a named component schema; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(string schemaName, JsonElement instance)
    {
        var schema = Built.GetOrAdd(schemaName, Build);
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid")
            .ToList();
    }

    private static JsonSchema Build(string name)
    {
        if (!Definitions.Value.ContainsKey(name))
        {
            throw new ArgumentException($"The spec has no schema named {name}.", nameof(name));
        }

        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = Definitions.Value.DeepClone(),
            ["$ref"] = "#/$defs/" + name,
        };
        using var document = JsonDocument.Parse(root.ToJsonString());
        return JsonSchema.Build(document.RootElement.Clone(), new BuildOptions(),
            new Uri("urn:qredo-api-v1:" + name));
    }

    private static JsonNode? Translate(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    obj[key] = Translate(obj[key]?.DeepClone());
                }

                if (obj["$ref"] is JsonValue reference)
                {
                    obj["$ref"] = reference.GetValue<string>().Replace("#/components/schemas/", "#/$defs/",
                        StringComparison.Ordinal);
                }

                if (obj["nullable"]?.GetValue<bool>() == true && obj["type"] is JsonValue type)
                {
                    obj["type"] = new JsonArray(type.GetValue<string>(), "null");
                }

                if (obj["oneOf"] is JsonArray oneOf)
                {
                    obj.Remove("oneOf");
                    obj["anyOf"] = oneOf.DeepClone();
                }

                obj.Remove("example");
                return obj;
            case JsonArray array:
                return new JsonArray(array.Select(item => Translate(item?.DeepClone())).ToArray());
            default:
                return node;
        }
    }
}
