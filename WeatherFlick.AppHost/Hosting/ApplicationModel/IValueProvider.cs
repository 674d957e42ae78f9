namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>A value known only when the application runs (a port, a password, a connection string).</summary>
public interface IValueProvider
{
    ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default);
}
