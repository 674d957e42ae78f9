using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WeatherFlick.Simulator.Hosting;

namespace WeatherFlick.Tests.Simulator;

/// <summary>
/// A deliberately plain client of the simulator for tests: raw HttpClient, hand-built query strings, no knowledge of
/// the simulator's code beyond its published URLs.
/// </summary>
public sealed class SimApi(SimulatorServer server) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public HttpClient Http => _http;

    public string Key(int index = 0) => server.Options.Keys[index];

    /// <summary>The key encoded once, as a correct client sends it.</summary>
    public static string Encoded(string key) => Uri.EscapeDataString(key);

    public Task<SimResponse> KtoAsync(string operation, string query = "", string? encodedKey = null) =>
        GetAsync($"B551011/KorService2/{operation}?serviceKey={encodedKey ?? Encoded(Key())}&MobileOS=ETC&MobileApp=WeatherFlickTests{Amp(query)}");

    public Task<SimResponse> KmaAsync(string operation, string query = "", string? encodedKey = null) =>
        GetAsync($"1360000/VilageFcstInfoService_2.0/{operation}?serviceKey={encodedKey ?? Encoded(Key())}{Amp(query)}");

    public async Task<SimResponse> GetAsync(string pathAndQuery, CancellationToken ct = default)
    {
        using var response = await _http.GetAsync(pathAndQuery, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        return new SimResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), bytes);
    }

    public async Task<JsonElement> AdminGetAsync(string path)
    {
        var response = await GetAsync($"_sim/{path}");
        response.Status.ShouldBe(HttpStatusCode.OK, $"GET /_sim/{path} failed: {response.Body}");
        return response.Json;
    }

    public async Task<HttpResponseMessage> AdminSendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, $"_sim/{path}") { Content = body is null ? null : JsonContent.Create(body) };
        return await _http.SendAsync(request);
    }

    public async Task ResetAsync()
    {
        using var response = await AdminSendAsync(HttpMethod.Post, "reset");
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, "POST /_sim/reset must succeed before each stateful test");
    }

    public async Task SetClockAsync(DateTimeOffset now)
    {
        using var response = await AdminSendAsync(HttpMethod.Put, "clock", new { now = now.ToString("o") });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "PUT /_sim/clock must accept an ISO time");
    }

    public async Task AdvanceClockAsync(TimeSpan by)
    {
        using var response = await AdminSendAsync(HttpMethod.Post, "clock", new { advance = by.ToString("c") });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "POST /_sim/clock must accept a duration");
    }

    public async Task PutConfigAsync(object change)
    {
        using var response = await AdminSendAsync(HttpMethod.Put, "config", change);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"PUT /_sim/config was rejected: {await response.Content.ReadAsStringAsync()}");
    }

    private static string Amp(string query) => query.Length == 0 ? "" : "&" + query;

    public void Dispose() => _http.Dispose();
}
