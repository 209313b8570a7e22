using System.Text.Json;

namespace Qapi.Core.Tests.Evm;

/// <summary>The shared vectors in <c>shared/vectors/evm-transactions.json</c>, produced by another library.</summary>
internal static class EvmVectors
{
    private static readonly Lazy<JsonDocument> Document = new(Load);

    public static JsonElement Root => Document.Value.RootElement;

    public static string Mnemonic => Root.GetProperty("mnemonic").GetString()!;

    public static IEnumerable<JsonElement> Derivations => Root.GetProperty("derivation").EnumerateArray();

    public static IEnumerable<JsonElement> Transactions => Root.GetProperty("transactions").EnumerateArray();

    public static JsonElement Transaction(string name) =>
        Transactions.Single(t => t.GetProperty("name").GetString() == name);

    public static string String(this JsonElement element, string property) =>
        element.GetProperty(property).GetString()
        ?? throw new InvalidOperationException($"Vector property {property} is null.");

    private static JsonDocument Load()
    {
        // The vectors live next to the repository (../shared from its root), so walk up from the test binaries.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "shared", "vectors", "evm-transactions.json");
            if (File.Exists(path))
            {
                return JsonDocument.Parse(File.ReadAllBytes(path));
            }
        }

        throw new FileNotFoundException("No shared/vectors/evm-transactions.json above " + AppContext.BaseDirectory);
    }
}
