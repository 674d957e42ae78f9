namespace WeatherFlick.Tests.AppHost;

/// <summary>
/// End-to-end tests of the AppHost. They share one started system (<see cref="WeatherFlickAppFixture"/>) and run one at
/// a time, so a test that kills or restarts a resource never races another's assertions.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<WeatherFlickAppFixture>
{
    public const string Name = "apphost";
}
