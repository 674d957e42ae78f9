using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeatherFlick.AppHost.Hosting.Local;
using WeatherFlick.AppHost.Hosting.Orchestration;
using WeatherFlick.AppHost.Hosting.Publishing;

namespace WeatherFlick.AppHost.Hosting;

/// <summary>
/// The built application (Aspire's type of the same name). Run mode starts every resource, serves the dashboard and
/// stops everything on Ctrl+C, SIGTERM or dispose; publish mode writes the manifest and starts nothing.
/// </summary>
public sealed partial class DistributedApplication : IAsyncDisposable
{
    private readonly WebApplication _host;
    private readonly IReadOnlyList<Func<ValueTask>> _disposeActions;
    private bool _started;
    private bool _disposed;

    internal DistributedApplication(WebApplication host, DistributedApplicationModel model, DistributedApplicationExecutionContext executionContext, IReadOnlyList<Func<ValueTask>> disposeActions)
    {
        _host = host;
        Model = model;
        ExecutionContext = executionContext;
        _disposeActions = disposeActions;
    }

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) => new DistributedApplicationBuilder(args);

    public IServiceProvider Services => _host.Services;

    public DistributedApplicationModel Model { get; }

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public ResourceNotificationService ResourceNotifications => Services.GetRequiredService<ResourceNotificationService>();

    public ResourceLoggerService ResourceLogs => Services.GetRequiredService<ResourceLoggerService>();

    /// <summary>The dashboard's address once started in run mode.</summary>
    public Uri DashboardUrl
    {
        get
        {
            var address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The dashboard is not listening: start the application first.");
            return new Uri(address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
        }
    }

    /// <summary>Run mode: starts the resources in the background (wait with <see cref="ResourceNotifications"/>). Publish mode: writes the manifest.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (ExecutionContext.IsPublishMode)
        {
            await PublishAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        _started = true;
        try
        {
            await _host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A failed start (a missing prerequisite, a busy dashboard port) must not leave children behind.
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        LogDashboard(_host.Logger, DashboardUrl);
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_started)
        {
            _started = false;
            await _host.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs until Ctrl+C or SIGTERM. A missing prerequisite ends it at once with exit code 1 and the install command.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await StartAsync(cancellationToken).ConfigureAwait(false);
            if (ExecutionContext.IsRunMode)
            {
                await _host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
                _started = false;
            }
        }
        catch (PrerequisiteMissingException e)
        {
            LogPrerequisiteMissing(_host.Logger, e.Message);
            Environment.ExitCode = 1;
        }
        catch (AppHostAlreadyRunningException e)
        {
            LogAlreadyRunning(_host.Logger, e.Message);
            Environment.ExitCode = 1;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _host.DisposeAsync().ConfigureAwait(false);
        foreach (var action in _disposeActions)
        {
            await action().ConfigureAwait(false);
        }
    }

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        var configuration = _host.Services.GetRequiredService<IConfiguration>();
        var outputPath = configuration["Publishing:OutputPath"];
        if (string.IsNullOrWhiteSpace(outputPath))
        {
            throw new ArgumentException("--output-path <file> is required with --publisher manifest.");
        }
        var path = Path.GetFullPath(outputPath);
        await ManifestPublisher.WriteAsync(Model, path, cancellationToken).ConfigureAwait(false);
        LogPublished(_host.Logger, path);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard: {DashboardUrl}")]
    private static partial void LogDashboard(ILogger logger, Uri dashboardUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Manifest written to {Path}")]
    private static partial void LogPublished(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Message}")]
    private static partial void LogPrerequisiteMissing(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Message}")]
    private static partial void LogAlreadyRunning(ILogger logger, string message);
}
