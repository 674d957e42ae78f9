namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>The common part of every resource: a name unique in the application and its annotations.</summary>
public abstract class Resource : IResource
{
    protected Resource(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    public ResourceAnnotationCollection Annotations { get; } = [];

    public override string ToString() => Name;
}
