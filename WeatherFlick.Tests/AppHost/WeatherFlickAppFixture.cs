using WeatherFlick.AppHost;
using WeatherFlick.AppHost.Hosting;
using WeatherFlick.AppHost.Hosting.ApplicationModel;
using WeatherFlick.AppHost.Hosting.Testing;

namespace WeatherFlick.Tests.AppHost;

/// <summary>
/// The whole system started once through the hosting API, from the definition Program.cs runs. The projects are not
/// built here: the test project's build built them once (through its reference to the AppHost).
/// </summary>
public sealed class WeatherFlickAppFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = DistributedApplicationTestingBuilder.Create(WeatherFlickApp.Define).Build();
        foreach (var project in App.Model.Resources.OfType<ProjectResource>())
        {
            File.Exists(project.Project.TargetPath).ShouldBeTrue($"{project.Name} must have been built by the test project's build ({project.Project.TargetPath})");
        }
        await App.StartAsync();
        await WaitUntilAllHealthyAsync(App);
    }

    public static async Task WaitUntilAllHealthyAsync(DistributedApplication app)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            foreach (var e in app.ResourceNotifications.GetAll())
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(e.Resource.Name, timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            var states = app.ResourceNotifications.GetAll().Select(e => $"{e.Resource.Name}: {e.Snapshot.State}/{e.Snapshot.HealthStatus} {e.Snapshot.StateMessage}");
            throw new ShouldAssertException($"Every resource must be running and healthy within {StartTimeout.TotalSeconds:0} s; they are:\n{string.Join("\n", states)}");
        }
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
