using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeatherFlick.AppHost;
using WeatherFlick.AppHost.Hosting;
using WeatherFlick.AppHost.Hosting.Local;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.AppHost;

/// <summary>Publish mode: the Aspire manifest azd deploys from, checked against the published aspire-8.0 schema.</summary>
public sealed class ManifestTests : IDisposable
{
    private static readonly string SchemaPath = Path.Combine(ProjectOutput.Shared, "reference", "aspire-manifest-schema.json");

    private readonly TemporaryDirectory _folder = new("wf-manifest");

    [Fact]
    public async Task Publish_command_writes_a_manifest_that_validates_against_the_aspire_schema()
    {
        var path = Path.Combine(_folder.Path, "deploy", "aspire-manifest.json");
        var info = new ProcessStartInfo("dotnet", [ProjectOutput.Dll("WeatherFlick.AppHost"), "--publisher", "manifest", "--output-path", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        var (exitCode, output) = await NativeProcess.RunAsync(info, CancellationToken.None);

        exitCode.ShouldBe(0, $"the publish command must succeed; it printed: {output}");
        File.Exists(path).ShouldBeTrue($"the manifest must be written to --output-path; the AppHost printed: {output}");
        var errors = Validator().Validate(JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement);
        errors.ShouldBeEmpty($"the manifest must validate against {SchemaPath}:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public async Task Manifest_describes_servers_as_containers_the_database_as_a_value_and_projects_with_env_and_bindings()
    {
        var manifest = await PublishAsync();
        var resources = manifest["resources"]!.AsObject();

        resources["postgres"]!["type"]!.GetValue<string>().ShouldBe("container.v0", "postgres is deployed as a container");
        resources["postgres"]!["connectionString"]!.GetValue<string>().ShouldBe(
            "Host={postgres.bindings.tcp.host};Port={postgres.bindings.tcp.port};Username=postgres;Password={postgres-password.value}",
            "the server's connection string is an expression over its binding and its password parameter");
        resources["postgres"]!["volumes"]![0]!["target"]!.GetValue<string>().ShouldBe("/var/lib/postgresql/data", "WithDataVolume mounts PostgreSQL's data folder");
        resources["postgres"]!["bindings"]!["tcp"]!["targetPort"]!.GetValue<int>().ShouldBe(5432, "the container listens on PostgreSQL's port");
        resources["weatherflick"]!["type"]!.GetValue<string>().ShouldBe("value.v0", "a database is a value resource");
        resources["weatherflick"]!["connectionString"]!.GetValue<string>().ShouldBe("{postgres.connectionString};Database=weatherflick",
            "the database's connection string extends its server's");
        resources["cache"]!["connectionString"]!.GetValue<string>().ShouldBe(
            "{cache.bindings.tcp.host}:{cache.bindings.tcp.port},password={cache-password.value}", "Redis's connection string is Aspire's format");

        var password = resources["postgres-password"]!;
        password["type"]!.GetValue<string>().ShouldBe("parameter.v0", "a generated password is a parameter");
        password["inputs"]!["value"]!["secret"]!.GetValue<bool>().ShouldBeTrue("a generated password is a secret input");
        password["inputs"]!["value"]!["default"]!["generate"]!["minLength"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(22, "the deployment tool generates it");

        var api = resources["api"]!;
        api["type"]!.GetValue<string>().ShouldBe("project.v0", "the API is a project resource");
        var projectPath = Path.GetFullPath(Path.Combine(_folder.Path, api["path"]!.GetValue<string>()));
        Path.IsPathRooted(api["path"]!.GetValue<string>()).ShouldBeFalse("project paths are relative to the manifest file");
        File.Exists(projectPath).ShouldBeTrue($"the relative path must lead to the project file from the manifest's folder (got {projectPath})");
        api["env"]!["ConnectionStrings__weatherflick"]!.GetValue<string>().ShouldBe("{weatherflick.connectionString}", "WithReference injects the connection string");
        api["env"]!["ConnectionStrings__cache"]!.GetValue<string>().ShouldBe("{cache.connectionString}", "WithReference injects the cache's connection string");
        api["env"]!["HTTP_PORTS"]!.GetValue<string>().ShouldBe("{api.bindings.http.targetPort}", "the project listens on its binding's target port");
        api["bindings"]!["http"]!["external"]!.GetValue<bool>().ShouldBeTrue("the API's endpoint is public (WithExternalHttpEndpoints)");
        resources["jobs"]!["env"]!["services__simulator__http__0"]!.GetValue<string>().ShouldBe("{simulator.bindings.http.url}",
            "service discovery of the simulator is an expression over its binding");
    }

    [Fact]
    public async Task Manifest_carries_no_secret_value_even_when_one_is_configured()
    {
        const string configured = "ConfiguredPasswordThatMustNotLeak42";

        var manifest = await PublishAsync($"--Parameters:postgres-password={configured}");

        manifest.ToJsonString().ShouldNotContain(configured, Case.Sensitive, "a parameter's value is given at deployment, never written into the manifest");
    }

    [Fact]
    public async Task Schema_validation_rejects_a_manifest_with_an_unknown_property_or_a_missing_image()
    {
        var manifest = await PublishAsync();
        manifest["resources"]!["api"]!.AsObject()["replicas"] = 3;
        manifest["resources"]!["cache"]!.AsObject().Remove("image");

        var errors = Validator().Validate(JsonDocument.Parse(manifest.ToJsonString()).RootElement);

        errors.ShouldContain(e => e.StartsWith("/resources/api:"), $"an unknown property of a project must fail validation; errors: {string.Join("\n", errors)}");
        errors.ShouldContain(e => e.StartsWith("/resources/cache:"), $"a container without its image must fail validation; errors: {string.Join("\n", errors)}");
    }

    public void Dispose() => _folder.Dispose();

    private static JsonSchemaValidator Validator()
    {
        File.Exists(SchemaPath).ShouldBeTrue($"the schema must be at {SchemaPath} (../shared beside the repository)");
        return JsonSchemaValidator.Load(SchemaPath);
    }

    private async Task<JsonNode> PublishAsync(params string[] extra)
    {
        var path = Path.Combine(_folder.Path, $"manifest-{Guid.NewGuid():N}.json");
        var builder = DistributedApplication.CreateBuilder(["--publisher", "manifest", "--output-path", path, .. extra]);
        WeatherFlickApp.Define(builder);
        await using var app = builder.Build();
        await app.RunAsync();
        return JsonNode.Parse(await File.ReadAllTextAsync(path))!;
    }
}
