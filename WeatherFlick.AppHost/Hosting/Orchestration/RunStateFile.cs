namespace WeatherFlick.AppHost.Hosting.Orchestration;

internal sealed record RunStateFile(ProcessRecord AppHost, List<ProcessRecord> Processes);
