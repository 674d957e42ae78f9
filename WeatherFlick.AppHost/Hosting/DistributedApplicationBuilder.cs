using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WeatherFlick.AppHost.Hosting.ApplicationModel;
using WeatherFlick.AppHost.Hosting.Dashboard;
using WeatherFlick.AppHost.Hosting.Orchestration;

namespace WeatherFlick.AppHost.Hosting;

/// <summary>
/// Builds the application on a <see cref="WebApplication"/>: configuration (appsettings.json, environment, command line),
/// logging, the orchestrator as a hosted service and the dashboard on Kestrel.
/// </summary>
public sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.Ordinal)
    {
        ["--publisher"] = "Publishing:Publisher",
        ["--output-path"] = "Publishing:OutputPath",
    };

    private readonly WebApplicationBuilder _host;
    private readonly List<Func<ValueTask>> _disposeActions = [];

    internal DistributedApplicationBuilder(string[] args)
    {
        AppHostDirectory = FindAppHostDirectory();
        _host = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(DistributedApplicationBuilder).Assembly.GetName().Name,
            ContentRootPath = AppHostDirectory,
        });
        _host.Configuration.AddCommandLine(args, SwitchMappings);
        _host.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });

        var publisher = _host.Configuration["Publishing:Publisher"];
        if (publisher is not null && publisher != "manifest")
        {
            throw new ArgumentException($"Unknown publisher '{publisher}': the only one is 'manifest' (--publisher manifest --output-path <file>).");
        }
        ExecutionContext = new(publisher is null ? DistributedApplicationOperation.Run : DistributedApplicationOperation.Publish);
    }

    public ConfigurationManager Configuration => _host.Configuration;

    public IHostEnvironment Environment => _host.Environment;

    public IServiceCollection Services => _host.Services;

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public IList<IResource> Resources { get; } = [];

    public string AppHostDirectory { get; }

    /// <summary>The application's name as deployment tools see it (volume names derive from it).</summary>
    public string ApplicationName => _host.Environment.ApplicationName;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (Resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' already exists: names are unique, ignoring case.");
        }
        Resources.Add(resource);
        return CreateResourceBuilder(resource);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => new ResourceBuilder<T>(this, resource);

    /// <summary>Work to do when the application is disposed (the testing builder removes its temporary data folder).</summary>
    internal void OnDispose(Func<ValueTask> action) => _disposeActions.Add(action);

    public DistributedApplication Build()
    {
        var model = new DistributedApplicationModel([.. Resources]);
        Services.AddSingleton(model);
        Services.AddSingleton(ExecutionContext);
        Services.AddOrchestration();

        var options = Configuration.GetSection(AppHostOptions.SectionName).Get<AppHostOptions>() ?? new AppHostOptions();
        if (ExecutionContext.IsRunMode)
        {
            // Kestrel refuses port 0 on "localhost"; a random port is bound on the IPv4 loopback instead.
            _host.WebHost.UseUrls(options.DashboardPort == 0 ? "http://127.0.0.1:0" : $"http://localhost:{options.DashboardPort}");
            Services.AddDashboard();
        }
        // Stopping every child in reverse order may take a grace period each; the host must wait for that.
        Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromMinutes(2));

        var app = _host.Build();
        if (ExecutionContext.IsRunMode)
        {
            app.MapDashboard();
        }
        return new DistributedApplication(app, model, ExecutionContext, [.. _disposeActions]);
    }

    private static string FindAppHostDirectory()
    {
        var recorded = typeof(DistributedApplicationBuilder).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "apphostprojectpath")?.Value;
        return recorded is not null && Directory.Exists(recorded) ? recorded : AppContext.BaseDirectory;
    }
}
