using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WeatherFlick.Testing.LocalServers;
using WeatherFlick.ServiceDefaults.Redis;

namespace WeatherFlick.Tests.Redis;

/// <summary>Each test owns its redis-server (one stops it).</summary>
public sealed class RedisHostingTests : IAsyncLifetime
{
    private LocalRedisServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalRedisServer.StartAsync(new LocalRedisOptions());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AddRedisClient_registers_one_shared_connection_and_a_ready_health_check_that_is_healthy()
    {
        using var host = Build(("ConnectionStrings:cache", _server.ConnectionString));
        await host.StartAsync();

        var connection = host.Services.GetRequiredService<RedisConnection>();
        connection.ShouldBeSameAs(host.Services.GetRequiredKeyedService<RedisConnection>("cache"), "keyed and unkeyed resolve the same connection");
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));

        report.Entries.Keys.ShouldContain("redis-cache", "the check is named redis-<connection name> and tagged ready");
        report.Entries["redis-cache"].Status.ShouldBe(HealthStatus.Healthy, report.Entries["redis-cache"].Description);
        await host.StopAsync();
    }

    [Fact]
    public async Task Health_check_is_unhealthy_with_a_reason_but_no_password_when_redis_is_stopped()
    {
        using var host = Build(("ConnectionStrings:cache", _server.ConnectionString), ("Redis:cache:HealthCheckTimeout", "00:00:01"));
        await host.StartAsync();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        (await health.CheckHealthAsync()).Status.ShouldBe(HealthStatus.Healthy, "Redis is up at first");

        await _server.StopAsync();
        var report = await health.CheckHealthAsync();

        var entry = report.Entries["redis-cache"];
        entry.Status.ShouldBe(HealthStatus.Unhealthy, "Redis is down");
        entry.Description.ShouldNotBeNull().ShouldContain($"127.0.0.1:{_server.Port}", customMessage: "the reason names the server");
        entry.Description.ShouldNotContain(_server.Password, customMessage: "the reason never carries the password");
        (entry.Exception?.ToString() ?? "").ShouldNotContain(_server.Password);
        await host.StopAsync();
    }

    [Fact]
    public void Missing_connection_string_is_reported_naming_the_setting_when_first_resolved()
    {
        using var host = Build();

        var error = Should.Throw<InvalidOperationException>(() => host.Services.GetRequiredService<RedisConnection>());

        error.Message.ShouldContain("ConnectionStrings:cache is not set", customMessage: "the message names the missing setting");
    }

    [Fact]
    public async Task Invalid_client_options_stop_the_host_at_start_naming_the_setting()
    {
        using var host = Build(("ConnectionStrings:cache", _server.ConnectionString), ("Redis:cache:CommandTimeout", "00:00:00"));

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain("CommandTimeout", customMessage: "the message names the invalid setting");
    }

    [Fact]
    public async Task Host_disposes_the_connection_when_it_stops()
    {
        RedisConnection connection;
        using (var host = Build(("ConnectionStrings:cache", _server.ConnectionString)))
        {
            await host.StartAsync();
            connection = host.Services.GetRequiredService<RedisConnection>();
            await connection.PingAsync();
            await host.StopAsync();
        }

        await Should.ThrowAsync<ObjectDisposedException>(() => connection.PingAsync(), "the host disposed its singleton connection");
    }

    private static IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddRedisClient("cache");
        return builder.Build();
    }
}
