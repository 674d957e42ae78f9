using System.Diagnostics;
using WeatherFlick.AppHost.Hosting.ApplicationModel;
using WeatherFlick.AppHost.Hosting.Local;

namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>
/// Runs a program as a child process in a session of its own, with the resolved environment, its console captured.
/// Projects run as <c>dotnet {built assembly}</c> (not <c>dotnet run</c>): no build per start, and the pid is the app's.
/// </summary>
internal sealed class ProcessRunner(IResource resource, string program, IReadOnlyList<string> arguments, string workingDirectory,
    ResourceLoggerService logs, HttpClient http) : IResourceRunner
{
    public int StopSignal => NativeProcess.SigTerm;

    public static ProcessRunner ForProject(ProjectResource project, ResourceLoggerService logs, HttpClient http)
    {
        if (!File.Exists(project.Project.TargetPath))
        {
            throw new FileNotFoundException($"{project.Name} has not been built ({project.Project.TargetPath} is missing): build the AppHost, or run `dotnet build {project.Project.ProjectPath}`.");
        }
        return new(project, DotNetHost.Find(), [project.Project.TargetPath], Path.GetDirectoryName(project.Project.ProjectPath)!, logs, http);
    }

    public static ProcessRunner ForExecutable(ExecutableResource executable, ResourceLoggerService logs, HttpClient http)
    {
        var program = Path.IsPathRooted(executable.Command) ? executable.Command : NativeProcess.Which(executable.Command);
        if (program is null || !File.Exists(program))
        {
            throw new FileNotFoundException($"{executable.Command} was not found on PATH.");
        }
        return new(executable, program, [], executable.WorkingDirectory, logs, http);
    }

    public Task<RunningResource> StartAsync(ResolvedEnvironment environment, Action<int> processStarted, CancellationToken cancellationToken)
    {
        var info = NativeProcess.StartInfoAs(null, program, arguments.Concat(environment.Arguments), newSession: true);
        info.WorkingDirectory = workingDirectory;
        // A pipe nobody writes to: the child must never read the AppHost's terminal.
        info.RedirectStandardInput = true;
        foreach (var (name, value) in environment.Variables)
        {
            info.Environment[name] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        processStarted(process.Id);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) logs.Log(resource.Name, e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) logs.Log(resource.Name, e.Data, isError: true); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var command = string.Join(' ', [program, .. arguments, .. environment.DisplayArguments]);
        return Task.FromResult(new RunningResource(process.Id, command, WaitForExitAsync(process),
            grace => NativeProcess.StopAsync(process.Id, StopSignal, grace), new ProcessOwner(process)));
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        var check = resource.Annotations.OfType<HttpHealthCheckAnnotation>().FirstOrDefault();
        if (check is null)
        {
            return true;
        }
        var endpoint = ((IResourceWithEndpoints)resource).GetEndpoint(check.EndpointName);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var response = await http.GetAsync(new Uri(new Uri(endpoint.Url), check.Path), timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<int?> WaitForExitAsync(Process process)
    {
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode;
    }

    private sealed class ProcessOwner(Process process) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            process.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
