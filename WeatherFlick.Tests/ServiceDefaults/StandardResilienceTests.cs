using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using WeatherFlick.ServiceDefaults.Resilience;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.ServiceDefaults;

/// <summary>The standard pipeline that every HttpClient gets from ConfigureHttpClientDefaults, against a real server.</summary>
public sealed class StandardResilienceTests
{
    private const string Client = "upstream";

    [Fact]
    public async Task Retries_503_until_the_server_answers()
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, n) => Answer(context, n <= 2 ? 503 : 200));
        using var http = CreateClient(server);

        using var response = await http.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "two 503s are transient and must be retried");
        server.Requests.ShouldBe(3);
    }

    [Fact]
    public async Task Waits_what_Retry_After_says_on_429()
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, n) =>
        {
            if (n == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                return Answer(context, 429);
            }
            return Answer(context, 200);
        });
        using var http = CreateClient(server);

        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Requests.ShouldBe(2);
        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(900),
            "the backoff is set to 10 ms here, so only Retry-After: 1 explains a wait of a second");
    }

    [Fact]
    public async Task Does_not_retry_400()
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, _) => Answer(context, 400));
        using var http = CreateClient(server);

        using var response = await http.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        server.Requests.ShouldBe(1, "a 400 is the caller's fault; sending it again cannot help");
    }

    [Fact]
    public async Task Opens_the_circuit_once_the_failure_ratio_is_reached()
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, _) => Answer(context, 500));
        using var http = CreateClient(server, o =>
        {
            o.Retry.MaxRetryAttempts = 1;
            o.CircuitBreaker.MinimumThroughput = 4;
            o.CircuitBreaker.FailureRatio = 0.5;
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
            o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
        });

        // Two calls of two attempts each: four failures reach the minimum throughput at a 100 % failure ratio.
        for (var i = 0; i < 2; i++)
        {
            using var failed = await http.GetAsync("/");
            failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        }
        var sent = server.Requests;

        await Should.ThrowAsync<BrokenCircuitException>(() => http.GetAsync("/"));
        server.Requests.ShouldBe(sent, "an open circuit must not send anything upstream");
    }

    [Fact]
    public async Task Attempt_timeout_abandons_a_hanging_attempt_and_retries()
    {
        await using var server = await ScriptedHttpServer.StartAsync(async (context, n) =>
        {
            if (n == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            }
            await Answer(context, 200);
        });
        using var http = CreateClient(server, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));

        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Requests.ShouldBe(2);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), "the hanging attempt must be cut at its 300 ms timeout");
    }

    [Fact]
    public async Task Total_timeout_bounds_the_whole_call_across_retries()
    {
        await using var server = await ScriptedHttpServer.StartAsync(async (context, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            await Answer(context, 200);
        });
        using var http = CreateClient(server, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(400);
            o.TotalRequestTimeout = TimeSpan.FromSeconds(1);
            o.Retry.MaxRetryAttempts = 10;
        });

        var clock = Stopwatch.StartNew();
        await Should.ThrowAsync<TimeoutRejectedException>(() => http.GetAsync("/"));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3), "ten retries of 400 ms must still stop at the 1 s total");
        server.Requests.ShouldBeLessThanOrEqualTo(3);
    }

    [Fact]
    public async Task A_client_can_opt_out_of_the_standard_pipeline()
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, _) => Answer(context, 503));
        using var http = CreateClient(server, o => o.Enabled = false);

        using var response = await http.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        server.Requests.ShouldBe(1, "a client with a pipeline of its own must not be retried twice over");
    }

    private static Task Answer(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The pipeline as every service registers it, with waits shortened for tests through the named options.</summary>
    private static HttpClient CreateClient(ScriptedHttpServer server, Action<HttpStandardResilienceOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        services.AddHttpClient(Client, http => http.BaseAddress = server.BaseAddress);
        services.Configure<HttpStandardResilienceOptions>(Client, o =>
        {
            o.Retry.Delay = TimeSpan.FromMilliseconds(10);
            o.Retry.UseJitter = false;
            o.Retry.BackoffType = DelayBackoffType.Constant;
            configure?.Invoke(o);
        });
        var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IHttpClientFactory>().CreateClient(Client);
    }
}
