using System.Collections.Immutable;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>What is known about a resource at one moment (Aspire's <c>CustomResourceSnapshot</c>). Holds no secret.</summary>
public sealed record ResourceSnapshot
{
    public required string Name { get; init; }

    /// <summary><c>Container</c>, <c>Database</c>, <c>Project</c> or <c>Executable</c>.</summary>
    public required string ResourceType { get; init; }

    public string State { get; init; } = KnownResourceStates.NotStarted;

    /// <summary>Null until the resource runs; then Healthy or Unhealthy.</summary>
    public HealthStatus? HealthStatus { get; init; }

    /// <summary>Why the resource is in its state (the dependency it waits for, the start failure…).</summary>
    public string? StateMessage { get; init; }

    public DateTime? StartTime { get; init; }

    public DateTime? StopTime { get; init; }

    public int? ExitCode { get; init; }

    public int? ProcessId { get; init; }

    /// <summary>What runs: the program and its arguments, secrets masked.</summary>
    public string? Command { get; init; }

    public ImmutableArray<ResourceUrl> Urls { get; init; } = [];

    public ImmutableArray<ResourceEnvironmentVariable> EnvironmentVariables { get; init; } = [];

    /// <summary>Resources this one waits for before it starts.</summary>
    public ImmutableArray<string> WaitsFor { get; init; } = [];

    public ImmutableArray<string> References { get; init; } = [];

    public bool IsHealthy => State == KnownResourceStates.Running && HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy;
}
