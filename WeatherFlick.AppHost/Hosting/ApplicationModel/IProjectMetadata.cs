namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>A project resource's files, generated per project reference into the <c>Projects</c> namespace as Aspire does.</summary>
public interface IProjectMetadata
{
    /// <summary>The project file.</summary>
    string ProjectPath { get; }

    /// <summary>The assembly its build produces; the AppHost runs it with <c>dotnet</c>.</summary>
    string TargetPath { get; }
}
