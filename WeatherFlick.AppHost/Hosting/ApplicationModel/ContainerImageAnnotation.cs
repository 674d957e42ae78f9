namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>The image a container resource is deployed from (run mode uses the locally installed program instead).</summary>
public sealed class ContainerImageAnnotation(string registry, string image, string tag) : IResourceAnnotation
{
    public string Registry { get; } = registry;

    public string Image { get; } = image;

    public string Tag { get; } = tag;

    public string Reference => $"{Registry}/{Image}:{Tag}";
}
