using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Qapi.Server.Tests.Spec;

/// <summary>
/// The public spec, shared/reference/qredo-api-v1.yaml, read into JSON so its schemas can validate responses.
/// Plain YAML scalars keep their YAML types (integers, booleans); quoted ones stay strings.
/// </summary>
public static class OpenApiSpec
{
    private static readonly Lazy<JsonObject> Document = new(Load);

    public static JsonObject Root => Document.Value;

    /// <summary>The schema name a path's operation answers with for a status, following $refs.</summary>
    public static string ResponseSchemaName(string path, string method, int status)
    {
        var operation = Root["paths"]![path]![method.ToLowerInvariant()]!;
        var response = operation["responses"]![status.ToString(CultureInfo.InvariantCulture)]
            ?? throw new InvalidOperationException($"The spec gives {path} no {status} response.");
        if (response["$ref"] is { } responseRef)
        {
            response = Resolve(responseRef.GetValue<string>());
        }

        var schemaRef = response["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        return schemaRef.Split('/')[^1];
    }

    private static JsonNode Resolve(string pointer)
    {
        JsonNode node = Root;
        foreach (var part in pointer.TrimStart('#', '/').Split('/'))
        {
            node = node[part]!;
        }

        return node;
    }

    private static JsonObject Load()
    {
        var path = Support.SharedFiles.Shared("reference", "qredo-api-v1.yaml");
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        return (JsonObject)ToJson(yaml.Documents[0].RootNode)!;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(pair =>
            KeyValuePair.Create(((YamlScalarNode)pair.Key).Value!, ToJson(pair.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        return text switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "null" or "~" or "" => null,
            _ => JsonValue.Create(text),
        };
    }
}
