using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using WeatherFlick.AppHost.Hosting.ApplicationModel;
using WeatherFlick.AppHost.Hosting.Dashboard;
using WeatherFlick.AppHost.Hosting.Local;
using WeatherFlick.AppHost.Hosting.Orchestration;
using WeatherFlick.AppHost.Hosting.Testing;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.AppHost;

[Collection(AppHostCollection.Name)]
public sealed class WeatherFlickAppTests(WeatherFlickAppFixture fixture)
{
    private static readonly string[] Resources = ["postgres", "weatherflick", "cache", "jobs", "simulator", "api"];

    [Fact]
    public async Task Dashboard_api_lists_every_resource_running_and_healthy_with_its_urls()
    {
        using var dashboard = new HttpClient { BaseAddress = fixture.App.DashboardUrl };

        var snapshots = await dashboard.GetFromJsonAsync<JsonElement[]>("/api/resources");

        snapshots.ShouldNotBeNull();
        snapshots.Select(s => s.GetProperty("name").GetString()).ShouldBe(Resources, ignoreOrder: true, "the dashboard lists every resource of the definition");
        foreach (var s in snapshots)
        {
            var name = s.GetProperty("name").GetString();
            s.GetProperty("state").GetString().ShouldBe(KnownResourceStates.Running, $"{name} must be running");
            s.GetProperty("healthStatus").GetString().ShouldBe("Healthy", $"{name} must be healthy");
        }
        var apiUrls = snapshots.Single(s => s.GetProperty("name").GetString() == "api").GetProperty("urls").EnumerateArray().Select(u => u.GetProperty("url").GetString()).ToList();
        apiUrls.ShouldContain(fixture.App.GetEndpoint("api").ToString().TrimEnd('/'), "the API's URL is listed");
    }

    [Fact]
    public async Task Api_health_answers_200_through_the_client_the_hosting_api_creates()
    {
        using var api = fixture.App.CreateHttpClient("api");

        using var response = await api.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"the API's /health must answer 200 (it checks the weatherflick database): {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Connection_strings_from_the_hosting_api_reach_the_weatherflick_database_and_redis()
    {
        var database = await fixture.App.GetConnectionStringAsync("weatherflick");
        var cache = await fixture.App.GetConnectionStringAsync("cache");

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);
        (await command.ExecuteScalarAsync()).ShouldBe("weatherflick", "the database is created when missing and reachable with the injected connection string");
        cache.ShouldNotBeNull();
        cache.ShouldStartWith("127.0.0.1:", customMessage: "Redis's connection string is host:port,password=… as Aspire formats it");
        (await RedisPing.AnswersAsync(cache)).ShouldBeTrue("redis-server answers PING after AUTH with the connection string's password");
    }

    [Fact]
    public void Projects_receive_the_environment_Aspire_injects()
    {
        var api = fixture.App.ResourceNotifications.GetCurrent("api").EnvironmentVariables.ToDictionary(v => v.Name);
        var jobs = fixture.App.ResourceNotifications.GetCurrent("jobs").EnvironmentVariables.ToDictionary(v => v.Name);
        var simulator = fixture.App.ResourceNotifications.GetCurrent("simulator").EnvironmentVariables.ToDictionary(v => v.Name);

        api["ConnectionStrings__weatherflick"].Value.ShouldContain("Database=weatherflick", Case.Sensitive, "WithReference(weatherflick) injects its connection string");
        api["ConnectionStrings__cache"].IsMasked.ShouldBeTrue("the cache's connection string holds a password, so it is masked");
        api["ASPNETCORE_URLS"].Value.ShouldBe(fixture.App.GetEndpoint("api").ToString().TrimEnd('/'), "the project listens where its endpoint says");
        api["ASPNETCORE_ENVIRONMENT"].Value.ShouldBe("Development", "run mode starts projects in Development");
        api["OTEL_SERVICE_NAME"].Value.ShouldBe("api", "telemetry is named after the resource");
        api["OTEL_RESOURCE_ATTRIBUTES"].Value.ShouldStartWith("service.instance.id=", customMessage: "each instance is told apart in telemetry");
        jobs["services__simulator__http__0"].Value.ShouldBe(fixture.App.GetEndpoint("simulator").ToString().TrimEnd('/'), "WithReference(simulator) injects service discovery");
        jobs["Providers__Kto__BaseUrl"].Value.ShouldEndWith("/B551011/KorService2", customMessage: "the job server collects KTO data from the simulator");
        jobs["Providers__Kto__Keys__0"].IsMasked.ShouldBeTrue("the simulator key is a secret");
        simulator["Simulator__Keys__0"].IsMasked.ShouldBeTrue("the simulator learns the same key, masked on display");
    }

    [Fact]
    public async Task Secret_values_never_appear_on_the_dashboard_in_console_logs_or_on_command_lines()
    {
        var secrets = fixture.App.Model.Resources.OfType<ParameterResource>().Where(p => p.Secret).Select(p => p.Value).ToList();
        using var dashboard = new HttpClient { BaseAddress = fixture.App.DashboardUrl };
        var shown = new List<string> { await dashboard.GetStringAsync("/"), await dashboard.GetStringAsync("/api/resources") };
        foreach (var name in Resources)
        {
            shown.Add(await dashboard.GetStringAsync($"/resources/{name}"));
            shown.Add(await dashboard.GetStringAsync($"/api/resources/{name}/console"));
        }
        // A command line is readable by every local user (ps): a password must never be passed there.
        shown.AddRange(fixture.App.ResourceNotifications.GetAll()
            .Select(e => e.Snapshot.ProcessId).OfType<int>()
            .SelectMany(ProcessTree.Subtree).Select(p => p.CommandLine));

        secrets.Count.ShouldBe(3, "postgres-password, cache-password and simulator-key are generated secrets");
        foreach (var secret in secrets)
        {
            shown.ShouldAllBe(text => !text.Contains(secret), "a generated secret must never be shown: values are masked");
        }
    }

    [Fact]
    public async Task Dashboard_refuses_an_action_without_its_header()
    {
        using var dashboard = new HttpClient { BaseAddress = fixture.App.DashboardUrl };

        using var response = await dashboard.PostAsync($"/api/resources/api/commands/{KnownResourceCommands.StopCommand}", null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "another site's page could send this plain POST; only the dashboard's script sends the header");
        fixture.App.ResourceNotifications.GetCurrent("api").State.ShouldBe(KnownResourceStates.Running, "the refused action must not stop the API");
    }

    [Fact]
    public async Task Killed_project_shows_Exited_with_its_exit_code_and_restarts_through_the_dashboard_action()
    {
        var before = fixture.App.ResourceNotifications.GetCurrent("jobs");
        using var dashboard = new HttpClient { BaseAddress = fixture.App.DashboardUrl };
        dashboard.DefaultRequestHeaders.Add(DashboardExtensions.ActionHeader, "1");
        using var timeout = new CancellationTokenSource(WeatherFlickAppFixture.StartTimeout);

        NativeProcess.Signal(before.ProcessId!.Value, NativeProcess.SigKill).ShouldBeTrue("the jobs process must exist to be killed");
        var exited = await fixture.App.ResourceNotifications.WaitForResourceAsync("jobs", KnownResourceStates.Exited, timeout.Token);
        using var restart = await dashboard.PostAsync($"/api/resources/jobs/commands/{KnownResourceCommands.RestartCommand}", null, timeout.Token);
        var healthy = await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("jobs", timeout.Token);

        exited.Snapshot.ExitCode.ShouldBe(137, "a SIGKILLed process exits with 128 + 9, and the dashboard shows it");
        restart.StatusCode.ShouldBe(HttpStatusCode.OK, "the dashboard's restart action succeeds");
        healthy.Snapshot.ProcessId.ShouldNotBe(before.ProcessId, "the restart runs a new process");
        healthy.Snapshot.Urls.ShouldBe(before.Urls, "a restarted resource keeps its endpoints");
    }
}
