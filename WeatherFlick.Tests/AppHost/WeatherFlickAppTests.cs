using System.Net;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.AppHost;

[Collection(AppHostCollection.Name)]
public sealed class WeatherFlickAppTests(WeatherFlickAppFixture fixture)
{
    private DistributedApplication App => fixture.App;

    [Theory]
    [InlineData("api")]
    [InlineData("jobs")]
    [InlineData("simulator")]
    public async Task Each_service_started_by_the_AppHost_answers_200_from_health(string resource)
    {
        using var http = App.CreateHttpClient(resource);

        using var response = await http.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{resource}'s /health checks everything it depends on: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task The_database_and_the_cache_answer_with_the_connection_strings_Aspire_gives_the_projects()
    {
        var database = await App.GetConnectionStringAsync("weatherflick");
        var cache = await App.GetConnectionStringAsync("cache");

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database(), current_setting('server_version_num')::int / 10000", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        reader.GetString(0).ShouldBe("weatherflick", "the AppHost creates the weatherflick database when the server is first ready");
        reader.GetInt32(1).ShouldBe(15, "run mode runs Debian's PostgreSQL 15, the major version the manifest deploys");
        cache.ShouldNotBeNull();
        cache.ShouldContain(",password=", Case.Sensitive, "Redis's connection string is host:port,password=… as Aspire formats it");
        (await RedisPing.AnswersAsync(cache)).ShouldBeTrue("redis-server answers PING after AUTH with the connection string's password");
    }

    [Fact]
    public async Task A_full_sync_with_the_job_servers_settings_exports_gateway_http_and_database_spans_and_never_a_key()
    {
        var jobs = Model.Resources.Single(r => r.Name == "jobs");
        var configuration = await ExecutionConfigurationBuilder.Create(jobs).WithEnvironmentVariablesConfig()
            .BuildAsync(App.Services.GetRequiredService<DistributedApplicationExecutionContext>(), NullLogger.Instance, default);
        var environment = configuration.EnvironmentVariables.ToDictionary();
        var key = environment["Providers__Kto__Keys__0"];
        environment["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        environment["OTEL_BLRP_SCHEDULE_DELAY"] = "200";
        environment["OTEL_SERVICE_NAME"] = "jobs-cli";
        // Aspire sets OTEL_DOTNET_EXPERIMENTAL_HTTPCLIENT_DISABLE_URL_QUERY_REDACTION in Development, which .NET 10's
        // HttpClient no longer honours (it still writes "?*"); this switch does show the whole query. The worst
        // case, then: every parameter visible, the key's value still redacted by ServiceDefaults.
        environment["DOTNET_SYSTEM_NET_HTTP_DISABLEURIREDACTION"] = "true";

        var (exitCode, output, errors) = await ChildProcess.RunDotnetAsync(ProjectOutput.Dll("WeatherFlick.Jobs"), ["run", "tourism-full", "--plain"], environment, TimeSpan.FromMinutes(4));

        exitCode.ShouldBe(0, $"the full sync against the AppHost's simulator, database and cache must succeed:\n{output}\n{errors}");
        var spans = await SpansOfAsync("jobs-cli", spans => spans.Any(s => s.Scope == "Npgsql") && spans.Any(s => s.Scope == "System.Net.Http"));
        var gateway = spans.Where(s => s.Scope == "WeatherFlick.Collection" && s.Name == "kto areaBasedList2").ToList();
        gateway.ShouldNotBeEmpty("each upstream call is a gateway span");
        gateway.ShouldAllBe(s => (string)s.Attributes["weatherflick.outcome"] == "data" || (string)s.Attributes["weatherflick.outcome"] == "no_data");
        var http = spans.First(s => s.Scope == "System.Net.Http" && s.Kind == OtlpSpan.KindClient && ((s.Attributes.GetValueOrDefault("url.full") as string) ?? "").Contains("/areaBasedList2"));
        http.Attributes["http.request.method"].ShouldBe("GET");
        http.Attributes["http.response.status_code"].ShouldBe(200L);
        ((string)http.Attributes["url.full"]).ShouldContain("pageNo=", Case.Sensitive, "with redaction off the whole query is shown");
        ((string)http.Attributes["url.full"]).ShouldContain("serviceKey=", Case.Sensitive, "the key's parameter is kept, its value redacted");
        spans.ShouldContain(s => s.Scope == "Npgsql" && s.Kind == OtlpSpan.KindClient, "database commands are spans too");

        var encodedKey = Uri.EscapeDataString(key);
        foreach (var payload in fixture.Telemetry.Payloads)
        {
            var text = Encoding.UTF8.GetString(payload);
            text.ShouldNotContain(key, Case.Sensitive, "no exported span, log or metric may carry a service key");
            text.ShouldNotContain(encodedKey, Case.Sensitive, "nor its percent-encoded form");
        }
        (output + errors).ShouldNotContain(key, Case.Sensitive, "the job server's console never shows a key");
        await using var connection = new NpgsqlConnection(environment["ConnectionStrings__weatherflick"]);
        await connection.OpenAsync();
        await using var archived = new NpgsqlCommand("SELECT count(*) FILTER (WHERE request LIKE '%' || $1 || '%'), count(*) FROM raw_responses", connection)
        {
            Parameters = { new() { Value = key } },
        };
        await using var reader = await archived.ExecuteReaderAsync();
        await reader.ReadAsync();
        reader.GetInt64(1).ShouldBeGreaterThan(0, "every exchange is archived");
        reader.GetInt64(0).ShouldBe(0, "the archive keeps requests with the key redacted");
    }

    [Fact]
    public async Task Health_probes_leave_no_traces_not_even_of_the_database_and_Redis_commands_they_run()
    {
        using var api = App.CreateHttpClient("api");
        for (var i = 0; i < 5; i++)
        {
            (await api.GetAsync("/health")).EnsureSuccessStatusCode();
        }
        // Spans are exported in batches; the probes' commands would be among the next ones.
        await Task.Delay(TimeSpan.FromSeconds(3));

        var probeCommands = fixture.Telemetry.Spans.Where(s => s.Name == "PING"
            || (s.Attributes.GetValueOrDefault("db.query.text") ?? s.Attributes.GetValueOrDefault("db.statement")) as string is "SELECT 1" or "SELECT 1;").ToList();

        probeCommands.ShouldBeEmpty("the health checks' SELECT 1 and PING run under a filtered-out probe request: with a parent-based sampler they are dropped, not recorded as traces of their own");
    }

    [Fact]
    public async Task Generated_secrets_never_appear_in_any_console_or_on_a_command_line()
    {
        var secrets = new List<string>();
        foreach (var parameter in Model.Resources.OfType<ParameterResource>().Where(p => p.Secret))
        {
            secrets.Add(await parameter.GetValueAsync(default) ?? "");
        }
        // A command line is readable by every local user (ps): a password must never be passed there.
        var commandLines = App.ResourceNotifications.TryGetCurrentState("postgres", out var postgres)
            ? ProcessTreeOf(postgres) : [];
        var redisLines = App.ResourceNotifications.TryGetCurrentState("cache", out var cache) ? ProcessTreeOf(cache) : [];

        secrets.Count.ShouldBe(3, "postgres-password, cache-password and simulator-key are the generated secrets");
        secrets.ShouldAllBe(secret => secret.Length >= 24);
        commandLines.ShouldNotBeEmpty("the PostgreSQL server's processes must be found");
        redisLines.ShouldNotBeEmpty("redis-server's process must be found");
        foreach (var secret in secrets)
        {
            fixture.Console.Lines.ShouldAllBe(l => !l.Line.Contains(secret), "no resource may print a generated secret to its console");
            commandLines.Concat(redisLines).ShouldAllBe(line => !line.Contains(secret), "no secret goes on a command line");
        }
    }

    private DistributedApplicationModel Model => App.Services.GetRequiredService<DistributedApplicationModel>();

    private static List<string> ProcessTreeOf(ResourceEvent resource) =>
        ResourceProcesses.PidOf(resource) is { } pid ? [.. ProcessTree.Subtree(pid).Select(p => p.CommandLine)] : [];

    private async Task<List<OtlpSpan>> SpansOfAsync(string service, Func<List<OtlpSpan>, bool> complete)
    {
        List<OtlpSpan> spans = [];
        await Eventually.HoldsAsync(() =>
        {
            spans = [.. fixture.Telemetry.Spans.Where(s => s.ServiceName == service)];
            return complete(spans);
        }, TimeSpan.FromSeconds(20), () => $"{service}'s spans must reach the collector; got scopes {string.Join(", ", spans.Select(s => s.Scope).Distinct())}");
        return spans;
    }
}
