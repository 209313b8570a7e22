namespace Qapi.Server.Tests.Support;

/// <summary>Finds the repository and the <c>shared/</c> folder that sits beside it.</summary>
public static class SharedFiles
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Qapi.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No Qapi.slnx above " + AppContext.BaseDirectory);
    }

    public static string Shared(params string[] parts)
    {
        var root = RepositoryRoot();
        foreach (var candidate in new[] { Path.Combine(root, "shared"), Path.Combine(root, "..", "shared") })
        {
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(Path.Combine([candidate, .. parts]));
            }
        }

        throw new DirectoryNotFoundException("No shared/ folder beside " + root);
    }
}
