using WeatherFlick.AppHost.Hosting.ApplicationModel;

namespace WeatherFlick.AppHost.Hosting;

internal static class VolumeNames
{
    /// <summary><c>{application}-{resource}-{suffix}</c>, lower case, as Aspire names generated volumes (without its path hash, so a moved clone keeps its data).</summary>
    public static string Generate<T>(IResourceBuilder<T> builder, string suffix) where T : IResource
    {
        var application = builder.ApplicationBuilder.Environment.ApplicationName;
        var safe = new string([.. application.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? char.ToLowerInvariant(c) : '-')]);
        return $"{safe}-{builder.Resource.Name}-{suffix}";
    }
}
