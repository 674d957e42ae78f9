using WeatherFlick.AppHost.Hosting.ApplicationModel;

namespace WeatherFlick.AppHost.Hosting;

public static class ExecutableResourceBuilderExtensions
{
    /// <summary>Any program, run as a child process in <paramref name="workingDirectory"/> (relative to the AppHost's folder).</summary>
    public static IResourceBuilder<ExecutableResource> AddExecutable(this IDistributedApplicationBuilder builder, string name, string command,
        string workingDirectory, params object[] args)
    {
        var resource = new ExecutableResource(name, command, Path.GetFullPath(workingDirectory, builder.AppHostDirectory));
        var result = builder.AddResource(resource);
        return args.Length == 0 ? result : result.WithArgs(args);
    }

    /// <summary>Arguments: strings, or value providers (an endpoint's port…) evaluated when the program starts.</summary>
    public static IResourceBuilder<ExecutableResource> WithArgs(this IResourceBuilder<ExecutableResource> builder, params object[] args)
    {
        foreach (var arg in args.Where(a => a is not string and not IValueProvider))
        {
            throw new ArgumentException($"An argument must be a string or a value provider, not {arg.GetType().Name}.", nameof(args));
        }
        return builder.WithAnnotation(new CommandLineArgsAnnotation(args));
    }
}
