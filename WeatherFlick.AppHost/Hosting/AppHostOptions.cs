using System.ComponentModel.DataAnnotations;

namespace WeatherFlick.AppHost.Hosting;

/// <summary>How the AppHost runs the application on this machine (section <c>AppHost</c>).</summary>
public sealed class AppHostOptions
{
    public const string SectionName = "AppHost";

    /// <summary>Data volumes, generated secrets and the record of running processes. Empty: <c>.weatherflick/</c> at the repository root.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>The dashboard's port on localhost; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int DashboardPort { get; set; } = 18888;

    /// <summary>Ignore the fixed ports of the definition and give every endpoint a free port (tests run side by side).</summary>
    public bool RandomizePorts { get; set; }

    /// <summary>Echo every resource's console output to the AppHost's console, prefixed with the resource name.</summary>
    public bool EchoConsole { get; set; } = true;

    /// <summary>Console lines kept per resource for the dashboard; older lines are dropped.</summary>
    [Range(100, 1_000_000)]
    public int ConsoleBufferLines { get; set; } = 5000;

    /// <summary>How long a resource may take to stop after SIGTERM (SIGINT for PostgreSQL) before it is killed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a healthy resource's health is checked again (an unhealthy one is checked every half second).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Run the KTO/KMA simulator and point the job server at it with generated keys; false: the job server uses its own provider settings (real keys).</summary>
    public bool UseSimulator { get; set; } = true;

    /// <summary>An OTLP collector to send the projects' telemetry to (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>); empty sends nothing.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> or <c>http/protobuf</c>, for <see cref="OtlpEndpoint"/>.</summary>
    [RegularExpression("^(grpc|http/protobuf)$")]
    public string OtlpProtocol { get; set; } = "grpc";
}
