using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WeatherFlick.AppHost.Hosting.ApplicationModel;
using WeatherFlick.AppHost.Hosting.Orchestration;

namespace WeatherFlick.AppHost.Hosting.Dashboard;

/// <summary>
/// The resource dashboard: pages (resources, console, details), a JSON API, Server-Sent Event streams and the
/// stop/start/restart actions. Served on loopback only; actions require a header a foreign page cannot send.
/// </summary>
public static class DashboardExtensions
{
    public const string ActionHeader = "X-WeatherFlick-Dashboard";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static IServiceCollection AddDashboard(this IServiceCollection services) =>
        services.Configure<JsonOptions>(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapGet("/", (ResourceNotificationService notifications) =>
            Html(DashboardHtml.ResourcesPage(notifications.GetAll())));
        app.MapGet("/console/{name}", Results<ContentHttpResult, NotFound> (string name, ResourceNotificationService notifications) =>
            Exists(notifications, name)
                ? Html(DashboardHtml.ConsolePage(name, notifications.GetAll().Select(e => e.Resource.Name)))
                : TypedResults.NotFound());
        app.MapGet("/resources/{name}", Results<ContentHttpResult, NotFound> (string name, ResourceNotificationService notifications) =>
            Exists(notifications, name) ? Html(DashboardHtml.DetailsPage(notifications.GetCurrent(name))) : TypedResults.NotFound());
        app.MapGet("/assets/{file}", Results<FileContentHttpResult, NotFound> (string file) => Asset(file));

        var api = app.MapGroup("/api/resources");
        api.MapGet("/", (ResourceNotificationService notifications) =>
            TypedResults.Ok(notifications.GetAll().Select(e => e.Snapshot)));
        api.MapGet("/stream", (ResourceNotificationService notifications, IHostApplicationLifetime lifetime, HttpContext http) =>
            TypedResults.ServerSentEvents(ResourceRows(notifications, Until(http, lifetime))));
        api.MapGet("/{name}/console", Results<Ok<IReadOnlyList<LogLine>>, NotFound> (string name, ResourceNotificationService notifications, ResourceLoggerService logs) =>
            Exists(notifications, name) ? TypedResults.Ok(logs.GetBacklog(name)) : TypedResults.NotFound());
        api.MapGet("/{name}/console/stream", Results<ServerSentEventsResult<string>, NotFound> (string name, ResourceNotificationService notifications, ResourceLoggerService logs, IHostApplicationLifetime lifetime, HttpContext http) =>
            Exists(notifications, name) ? TypedResults.ServerSentEvents(ConsoleLines(logs, name, Until(http, lifetime))) : TypedResults.NotFound());
        api.MapPost("/{name}/commands/{command}", ExecuteCommandAsync);
        return app;
    }

    private static async Task<Results<Ok<ResourceSnapshot>, NotFound, BadRequest<string>>> ExecuteCommandAsync(
        string name, string command, HttpContext http, ResourceNotificationService notifications, ResourceCommandService commands, IHostApplicationLifetime lifetime)
    {
        if (!http.Request.Headers.ContainsKey(ActionHeader))
        {
            return TypedResults.BadRequest($"Actions need the {ActionHeader} header.");
        }
        if (!Exists(notifications, name))
        {
            return TypedResults.NotFound();
        }
        if (!KnownResourceCommands.IsKnown(command))
        {
            return TypedResults.BadRequest($"Unknown command '{command}'.");
        }
        // Bound to the AppHost's lifetime, not the request's: leaving the page must not abort a restart half-way.
        await commands.ExecuteCommandAsync(name, command, lifetime.ApplicationStopping).ConfigureAwait(false);
        return TypedResults.Ok(notifications.GetCurrent(name));
    }

    private static async IAsyncEnumerable<SseItem<string>> ResourceRows(ResourceNotificationService notifications, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in Quietly(notifications.WatchAsync(cancellationToken)).ConfigureAwait(false))
        {
            var row = new { name = e.Resource.Name, html = DashboardHtml.ResourceRow(e.Snapshot), snapshot = e.Snapshot };
            yield return new SseItem<string>(JsonSerializer.Serialize(row, Json), "resource");
        }
    }

    private static async IAsyncEnumerable<SseItem<string>> ConsoleLines(ResourceLoggerService logs, string name, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var line in Quietly(logs.WatchAsync(name, cancellationToken)).ConfigureAwait(false))
        {
            var item = new { n = line.LineNumber, t = line.Timestamp, text = line.Content, error = line.IsError };
            yield return new SseItem<string>(JsonSerializer.Serialize(item, Json), "line");
        }
    }

    /// <summary>Ends a stream quietly when its browser goes away or the AppHost stops.</summary>
    private static async IAsyncEnumerable<T> Quietly<T>(IAsyncEnumerable<T> source)
    {
        await using var enumerator = source.GetAsyncEnumerator();
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            yield return enumerator.Current;
        }
    }

    /// <summary>Streams never end by themselves: without the stopping token, shutdown would wait for every open tab.</summary>
    private static CancellationToken Until(HttpContext http, IHostApplicationLifetime lifetime)
    {
        var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        http.Response.RegisterForDispose(linked);
        return linked.Token;
    }

    private static bool Exists(ResourceNotificationService notifications, string name) =>
        notifications.GetAll().Any(e => e.Resource.Name == name);

    private static ContentHttpResult Html(string html) => TypedResults.Content(html, "text/html; charset=utf-8");

    private static Results<FileContentHttpResult, NotFound> Asset(string file)
    {
        using var stream = typeof(DashboardExtensions).Assembly.GetManifestResourceStream($"Dashboard.{file}");
        if (stream is null)
        {
            return TypedResults.NotFound();
        }
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var type = Path.GetExtension(file) switch { ".css" => "text/css", ".js" => "text/javascript", _ => "application/octet-stream" };
        return TypedResults.File(memory.ToArray(), type);
    }
}
