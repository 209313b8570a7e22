namespace Qapi.Core.Tests;

/// <summary>Finds the <c>shared/</c> folder beside (or inside) the repository.</summary>
internal static class SharedFiles
{
    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "vectors")))
            {
                return System.IO.Path.Combine([candidate, .. parts]);
            }
        }

        throw new DirectoryNotFoundException("No shared/vectors above " + AppContext.BaseDirectory);
    }
}
