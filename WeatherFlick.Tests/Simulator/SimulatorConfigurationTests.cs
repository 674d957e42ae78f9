using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using WeatherFlick.Simulator.Hosting;

namespace WeatherFlick.Tests.Simulator;

/// <summary>Settings: validated at start, and every one documented in appsettings.json with its default.</summary>
public sealed class SimulatorConfigurationTests
{
    [Fact]
    public async Task Misconfigured_simulator_refuses_to_start_naming_the_setting()
    {
        var failure = await Should.ThrowAsync<OptionsValidationException>(() => SimulatorServer.StartAsync(options =>
        {
            options.Size = 10;
            options.Kma.HistoryErrorCode = "42";
        }));

        failure.Message.ShouldContain("Size", customMessage: "the message names the setting");
        failure.Message.ShouldContain("HistoryErrorCode", customMessage: "nested sections are validated too");
    }

    [Fact]
    public void Appsettings_documents_every_option_with_its_default()
    {
        var file = FindAppsettings();
        var section = new ConfigurationBuilder().AddJsonFile(file).Build().GetSection(SimulatorOptions.SectionName);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
        var defaults = new SimulatorOptions();

        foreach (var (path, value) in Leaves(defaults, ""))
        {
            var documented = section[path];
            var node = json.RootElement.GetProperty(SimulatorOptions.SectionName);
            foreach (var name in path.Split(':'))
            {
                node.TryGetProperty(name, out node).ShouldBeTrue($"appsettings.json must document Simulator:{path}");
            }
            if (value is not null)
            {
                documented.ShouldBe(value, $"Simulator:{path} must show the default the code uses");
            }
        }
        section.GetSection("Keys").Get<string[]>().ShouldBe(SimulatorOptions.DefaultKeys.ToArray());
    }

    /// <summary>Scalar settings as configuration paths with their default rendered as configuration text (null: not comparable).</summary>
    private static IEnumerable<(string Path, string? Value)> Leaves(object options, string prefix)
    {
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var path = prefix + property.Name;
            var value = property.GetValue(options);
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type.IsClass && type != typeof(string) && !type.IsGenericType)
            {
                foreach (var leaf in Leaves(value!, path + ":"))
                {
                    yield return leaf;
                }
                continue;
            }
            yield return (path, value switch
            {
                null => "",
                bool flag => flag.ToString(),
                DateTimeOffset time => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
                IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                string text => text,
                _ => null,
            });
        }
    }

    private static string FindAppsettings()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "WeatherFlick.Simulator", "appsettings.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("WeatherFlick.Simulator/appsettings.json not found above the test binaries.");
    }
}
