using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.AppHost;

/// <summary>The Aspire manifest that azd deploys, written by Aspire's own publisher from the AppHost.</summary>
public sealed class ManifestTests
{
    /// <summary>
    /// The resource types azd's Container Apps provisioning accepts (annotated.string is how Aspire writes the
    /// URI-encoded form of a password for connection URIs).
    /// </summary>
    private static readonly string[] DeployableTypes = ["container.v0", "container.v1", "project.v0", "project.v1", "value.v0", "parameter.v0", "annotated.string"];

    [Fact]
    public async Task Publish_mode_writes_a_manifest_valid_against_aspire_8_0_with_the_tested_major_versions_and_no_secret_values()
    {
        using var folder = new TemporaryDirectory("wf-manifest");
        var path = Path.Combine(folder.Path, "aspire-manifest.json");

        var (exitCode, output, errors) = await ChildProcess.RunDotnetAsync(ProjectOutput.Dll("WeatherFlick.AppHost"),
            ["--publisher", "manifest", "--output-path", path], new Dictionary<string, string>(), TimeSpan.FromMinutes(2));

        exitCode.ShouldBe(0, $"the publisher must succeed:\n{output}\n{errors}");
        var text = await File.ReadAllTextAsync(path);
        var schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "AppHost", "aspire-8.0.schema.json"));
        var validation = schema.Evaluate(JsonDocument.Parse(text).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        validation.IsValid.ShouldBeTrue($"the manifest must validate against aspire-8.0: {string.Join("; ", validation.Details?.Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? [])}");

        var resources = JsonNode.Parse(text)!["resources"]!.AsObject();
        foreach (var name in (string[])["postgres", "weatherflick", "cache", "simulator", "jobs", "api", "postgres-password", "cache-password", "simulator-key"])
        {
            resources.ContainsKey(name).ShouldBeTrue($"{name}: publish mode declares the same names as run mode, with Aspire's generated password parameters");
        }
        resources.ShouldAllBe(r => DeployableTypes.Contains((string)r.Value!["type"]!), "only resource types azd deploys");
        ((string)resources["postgres"]!["image"]!).ShouldEndWith("postgres:15", customMessage: "the deployed PostgreSQL is the major version run mode and the tests use");
        ((string)resources["cache"]!["image"]!).ShouldEndWith("redis:7.0", customMessage: "the deployed Redis is the version line run mode and the tests use");
        foreach (var (name, parameter) in resources.Where(r => (string)r.Value!["type"]! == "parameter.v0"))
        {
            var input = parameter!["inputs"]!["value"]!;
            ((bool?)input["secret"]).ShouldBe(true, $"{name} is a secret");
            ((string)parameter["value"]!).ShouldBe($"{{{name}.inputs.value}}", $"{name}'s value is an input azd asks for or generates, never written down");
            input["default"]?["value"].ShouldBeNull($"{name} must not carry a literal default");
        }
        var api = resources["api"]!;
        api["bindings"]!["http"]!["external"]!.GetValue<bool>().ShouldBeTrue("the API is the externally reachable service");
        ((string)api["env"]!["ConnectionStrings__weatherflick"]!).ShouldBe("{weatherflick.connectionString}", "connection strings are expressions");
    }
}
