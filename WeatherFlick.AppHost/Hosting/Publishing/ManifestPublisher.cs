using System.Text.Encodings.Web;
using System.Text.Json;
using WeatherFlick.AppHost.Hosting.ApplicationModel;

namespace WeatherFlick.AppHost.Hosting.Publishing;

/// <summary>
/// Writes the Aspire manifest (schema aspire-8.0) that azd reads to deploy to Azure Container Apps. Every value known
/// only at deployment (ports, generated passwords, connection strings) is written as an expression, never a value.
/// </summary>
public static class ManifestPublisher
{
    public const string SchemaUrl = "https://json.schemastore.org/aspire-8.0.json";

    private static readonly DistributedApplicationExecutionContext PublishContext = new(DistributedApplicationOperation.Publish);

    public static async Task WriteAsync(DistributedApplicationModel model, string path, CancellationToken cancellationToken = default)
    {
        var manifestDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        using var stream = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", SchemaUrl);
            writer.WriteStartObject("resources");
            foreach (var resource in model.Resources)
            {
                writer.WriteStartObject(resource.Name);
                WriteResource(writer, resource, manifestDirectory);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        Directory.CreateDirectory(manifestDirectory);
        await File.WriteAllBytesAsync(path, stream.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    private static void WriteResource(Utf8JsonWriter writer, IResource resource, string manifestDirectory)
    {
        switch (resource)
        {
            case ContainerResource container:
                writer.WriteString("type", "container.v0");
                WriteConnectionString(writer, container);
                var image = container.Annotations.OfType<ContainerImageAnnotation>().Single();
                writer.WriteString("image", image.Reference);
                if (container.Entrypoint is not null)
                {
                    writer.WriteString("entrypoint", container.Entrypoint);
                }
                WriteArgs(writer, container);
                WriteVolumes(writer, container);
                WriteEnvironment(writer, container);
                WriteBindings(writer, container);
                break;
            case PostgresDatabaseResource database:
                writer.WriteString("type", "value.v0");
                WriteConnectionString(writer, database);
                break;
            case ParameterResource parameter:
                WriteParameter(writer, parameter);
                break;
            case ProjectResource project:
                writer.WriteString("type", "project.v0");
                writer.WriteString("path", RelativePath(manifestDirectory, project.Project.ProjectPath));
                WriteEnvironment(writer, project);
                WriteBindings(writer, project);
                break;
            case ExecutableResource executable:
                writer.WriteString("type", "executable.v0");
                writer.WriteString("workingDirectory", RelativePath(manifestDirectory, executable.WorkingDirectory));
                writer.WriteString("command", executable.Command);
                WriteArgs(writer, executable);
                WriteEnvironment(writer, executable);
                WriteBindings(writer, executable);
                break;
            default:
                throw new NotSupportedException($"The manifest has no entry for a {resource.GetType().Name} ('{resource.Name}').");
        }
    }

    private static void WriteConnectionString(Utf8JsonWriter writer, IResource resource)
    {
        if (resource is IResourceWithConnectionString withConnectionString)
        {
            writer.WriteString("connectionString", withConnectionString.ConnectionStringExpression.ValueExpression);
        }
    }

    /// <summary>A value the deployment tool asks for or generates; a generated secret never has a value in the manifest.</summary>
    private static void WriteParameter(Utf8JsonWriter writer, ParameterResource parameter)
    {
        writer.WriteString("type", "parameter.v0");
        writer.WriteString("value", $"{{{parameter.Name}.inputs.value}}");
        writer.WriteStartObject("inputs");
        writer.WriteStartObject("value");
        writer.WriteString("type", "string");
        if (parameter.Secret)
        {
            writer.WriteBoolean("secret", true);
        }
        if (parameter.GeneratedMinLength is { } minLength)
        {
            writer.WriteStartObject("default");
            writer.WriteStartObject("generate");
            writer.WriteNumber("minLength", minLength);
            // Letters and digits only: the value goes into connection strings, where ';' or '=' would break them.
            writer.WriteBoolean("special", false);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteArgs(Utf8JsonWriter writer, IResource resource) =>
        WriteArray(writer, "args", resource.Annotations.OfType<CommandLineArgsAnnotation>().SelectMany(a => a.Args), arg => writer.WriteStringValue(Expression(arg)));

    private static void WriteVolumes(Utf8JsonWriter writer, IResource resource) =>
        WriteArray(writer, "volumes", resource.Annotations.OfType<ContainerMountAnnotation>(), volume =>
        {
            writer.WriteStartObject();
            writer.WriteString("name", volume.Source);
            writer.WriteString("target", volume.Target);
            writer.WriteBoolean("readOnly", volume.IsReadOnly);
            writer.WriteEndObject();
        });

    /// <summary>Writes the array only when it has items: the manifest leaves out what a resource does not have.</summary>
    private static void WriteArray<T>(Utf8JsonWriter writer, string name, IEnumerable<T> items, Action<T> writeItem)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }
        writer.WriteStartArray(name);
        list.ForEach(writeItem);
        writer.WriteEndArray();
    }

    private static void WriteEnvironment(Utf8JsonWriter writer, IResource resource)
    {
        var context = new EnvironmentCallbackContext(PublishContext);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            callback.Callback(context);
        }
        if (context.EnvironmentVariables.Count == 0)
        {
            return;
        }
        writer.WriteStartObject("env");
        foreach (var (name, value) in context.EnvironmentVariables)
        {
            writer.WriteString(name, Expression(value));
        }
        writer.WriteEndObject();
    }

    private static void WriteBindings(Utf8JsonWriter writer, IResource resource)
    {
        var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToList();
        if (endpoints.Count == 0)
        {
            return;
        }
        writer.WriteStartObject("bindings");
        foreach (var endpoint in endpoints)
        {
            writer.WriteStartObject(endpoint.Name);
            writer.WriteString("scheme", endpoint.UriScheme);
            writer.WriteString("protocol", endpoint.Protocol);
            writer.WriteString("transport", endpoint.Transport);
            if (endpoint.IsExternal)
            {
                writer.WriteBoolean("external", true);
            }
            // Only the port the workload listens on: the ports fixed for this machine mean nothing once deployed.
            if (endpoint.TargetPort is { } targetPort)
            {
                writer.WriteNumber("targetPort", targetPort);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static string Expression(object value) => value switch
    {
        string text => text,
        IManifestExpressionProvider provider => provider.ValueExpression,
        _ => throw new InvalidOperationException($"A {value.GetType().Name} cannot be written to the manifest."),
    };

    private static string RelativePath(string from, string to) => Path.GetRelativePath(from, to).Replace('\\', '/');
}
