using WeatherFlick.AppHost.Hosting.ApplicationModel;

namespace WeatherFlick.AppHost.Hosting;

public static class ParameterResourceBuilderExtensions
{
    /// <summary>A value read from configuration <c>Parameters:{name}</c> when the application runs.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false) =>
        builder.AddResource(new ParameterResource(name, secret, generatedMinLength: null));

    /// <summary>
    /// A secret generated on first run and kept in the data folder's secrets file (like user-secrets), unless
    /// <c>Parameters:{name}</c> is configured; the manifest asks the deployment tool to generate it.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedSecret(this IDistributedApplicationBuilder builder, string name, int minLength = 22) =>
        builder.AddResource(new ParameterResource(name, secret: true, generatedMinLength: minLength));
}
