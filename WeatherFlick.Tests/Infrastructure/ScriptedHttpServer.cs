using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WeatherFlick.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on a loopback port whose every answer comes from a script, for testing what clients do
/// with what servers send. Counts the requests it receives.
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private ScriptedHttpServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    /// <param name="respond">Called with the request and its 1-based number.</param>
    public static async Task<ScriptedHttpServer> StartAsync(Func<HttpContext, int, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedHttpServer(app);
        app.Run(context => respond(context, Interlocked.Increment(ref server._requests)));
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.First());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
