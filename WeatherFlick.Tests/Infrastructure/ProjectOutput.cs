namespace WeatherFlick.Tests.Infrastructure;

/// <summary>Where the solution's projects were built, for tests that start them as separate processes.</summary>
public static class ProjectOutput
{
    /// <summary>The repository root (the folder holding WeatherFlick.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The built assembly of a project of the solution, in the same configuration as the tests.</summary>
    public static string Dll(string project)
    {
        // Tests run from <root>/WeatherFlick.Tests/bin/<Configuration>/<tfm>/.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var path = Path.Combine(RepositoryRoot, project, "bin", configuration, framework, $"{project}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project} is not built at {path}; build the solution first.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WeatherFlick.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No WeatherFlick.sln above {AppContext.BaseDirectory}.");
    }
}
