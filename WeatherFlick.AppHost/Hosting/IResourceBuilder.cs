using WeatherFlick.AppHost.Hosting.ApplicationModel;

namespace WeatherFlick.AppHost.Hosting;

/// <summary>The fluent handle on one resource that <c>With…</c> extensions extend.</summary>
public interface IResourceBuilder<out T> where T : IResource
{
    IDistributedApplicationBuilder ApplicationBuilder { get; }

    T Resource { get; }
}
