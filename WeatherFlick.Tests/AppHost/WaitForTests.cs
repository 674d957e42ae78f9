using WeatherFlick.AppHost.Hosting;
using WeatherFlick.AppHost.Hosting.ApplicationModel;
using WeatherFlick.AppHost.Hosting.Testing;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.AppHost;

/// <summary>
/// WaitFor with real processes: the dependency is python's http.server, whose <c>/health</c> answers 404 until the test
/// creates the file, so the test decides when the dependency becomes healthy.
/// </summary>
public sealed class WaitForTests : IDisposable
{
    private readonly TemporaryDirectory _site = new("wf-waitfor");

    [Fact]
    public async Task WaitFor_holds_a_dependent_in_Waiting_until_its_dependency_is_healthy()
    {
        await using var app = DistributedApplicationTestingBuilder.Create(builder =>
        {
            var gate = builder.AddExecutable("gate", "python3", _site.Path, "-m", "http.server", "--bind", "127.0.0.1")
                .WithHttpEndpoint(name: "http")
                .WithHttpHealthCheck("/health");
            gate.WithArgs(gate.GetEndpoint("http").Property(EndpointProperty.Port));
            builder.AddExecutable("dependent", "sleep", _site.Path, "600").WaitFor(gate);
        }).Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceAsync("gate", s => s.State == KnownResourceStates.Running && s.HealthStatus is not null, timeout.Token);
        await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
        var gateWhileUnhealthy = app.ResourceNotifications.GetCurrent("gate");
        var dependentWhileUnhealthy = app.ResourceNotifications.GetCurrent("dependent");
        await File.WriteAllTextAsync(Path.Combine(_site.Path, "health"), "ok", timeout.Token);
        var gateHealthy = await app.ResourceNotifications.WaitForResourceHealthyAsync("gate", timeout.Token);
        var dependentRunning = await app.ResourceNotifications.WaitForResourceAsync("dependent", KnownResourceStates.Running, timeout.Token);

        gateWhileUnhealthy.HealthStatus.ShouldBe(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, "the gate runs but its /health answers 404");
        dependentWhileUnhealthy.State.ShouldBe(KnownResourceStates.Waiting, "the dependent must wait while its dependency is unhealthy, not merely for its port");
        dependentWhileUnhealthy.ProcessId.ShouldBeNull("nothing of the dependent may run while it waits");
        dependentRunning.Snapshot.StartTime!.Value.ShouldBeGreaterThanOrEqualTo(gateHealthy.Snapshot.StartTime!.Value, "the dependent starts after its dependency");
        dependentRunning.Snapshot.ProcessId.ShouldNotBeNull("once the dependency is healthy the dependent runs");
    }

    [Fact]
    public async Task Dependent_of_a_resource_that_fails_to_start_fails_to_start_too()
    {
        await using var app = DistributedApplicationTestingBuilder.Create(builder =>
        {
            var broken = builder.AddExecutable("broken", "/nonexistent/program", _site.Path);
            builder.AddExecutable("dependent", "sleep", _site.Path, "600").WaitFor(broken);
        }).Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await app.StartAsync(timeout.Token);
        var broken = await app.ResourceNotifications.WaitForResourceAsync("broken", KnownResourceStates.FailedToStart, timeout.Token);
        var dependent = await app.ResourceNotifications.WaitForResourceAsync("dependent", KnownResourceStates.FailedToStart, timeout.Token);

        broken.Snapshot.StateMessage.ShouldNotBeNull().ShouldContain("/nonexistent/program", customMessage: "the reason names the missing program");
        dependent.Snapshot.StateMessage.ShouldNotBeNull().ShouldContain("broken", customMessage: "the dependent says which dependency failed");
    }

    public void Dispose() => _site.Dispose();
}
