using System.Text.Json;

namespace Qapi.Cli.Admin;

/// <summary>
/// Reads admin API answers loosely: property names match without regard to case, and a list is either a JSON
/// array or the array inside a wrapper object, so a table survives a field added or renamed on the server.
/// </summary>
internal static class JsonFields
{
    /// <summary>The value at the path of property names, or null when any step is missing.</summary>
    public static JsonElement? Find(JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var match = current.EnumerateObject()
                .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match.Value.ValueKind == JsonValueKind.Undefined)
            {
                return null;
            }

            current = match.Value;
        }

        return current;
    }

    /// <summary>The first of the names that the object has, shown as text; empty when none.</summary>
    public static string First(JsonElement element, params string[] names) =>
        names.Select(n => Find(element, n)).FirstOrDefault(v => v is not null) is { } value ? Display(value) : "";

    /// <summary>The text at the path, or null.</summary>
    public static string? Text(JsonElement element, params string[] path) =>
        Find(element, path) is { ValueKind: not JsonValueKind.Null } value ? Display(value) : null;

    /// <summary>The items of a list answer: the array itself, or the first array inside the object.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray(),
        JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value)
            .FirstOrDefault(v => v.ValueKind == JsonValueKind.Array) is { ValueKind: JsonValueKind.Array } inner
            ? inner.EnumerateArray()
            : [],
        _ => [],
    };

    /// <summary>A value as a person reads it: text as it is, numbers with all their digits, lists joined.</summary>
    public static string Display(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Summary)),
        _ => Summary(value),
    };

    /// <summary>An object inside a list, by its most telling field.</summary>
    private static string Summary(JsonElement value) => value.ValueKind == JsonValueKind.Object
        ? First(value, "username", "name", "id", "address") is { Length: > 0 } name ? name : value.GetRawText()
        : Display(value);
}
