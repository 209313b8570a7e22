using System.Text.Json;

namespace Qapi.Cli.Tests;

/// <summary>
/// The shared test vectors. The <c>shared</c> folder sits next to the repository (<c>&lt;repo&gt;/../shared</c>),
/// so it is found by walking up from the test binaries.
/// </summary>
internal static class SharedVectors
{
    public static string Directory { get; } = Find();

    public static IReadOnlyList<SignatureVector> RequestSignatures()
    {
        var path = Path.Combine(Directory, "request-signatures.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.EnumerateArray().Select(v => new SignatureVector(
            v.GetProperty("secret").GetString()!,
            v.GetProperty("timestamp").GetString()!,
            v.GetProperty("method").GetString()!,
            v.GetProperty("url").GetString()!,
            v.GetProperty("body").GetString()!,
            v.GetProperty("signature").GetString()!)).ToList();
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "vectors");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"No shared/vectors folder above {AppContext.BaseDirectory}; it belongs next to the repository.");
    }
}
