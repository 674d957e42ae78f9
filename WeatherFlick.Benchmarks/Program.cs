using BenchmarkDotNet.Running;
using WeatherFlick.Benchmarks.Collection;
using WeatherFlick.Benchmarks.Gateway;
using WeatherFlick.Benchmarks.Simulator;
using WeatherFlick.Benchmarks.Upsert;

// Measured runs that print side-by-side ratios: dotnet run -c Release --project WeatherFlick.Benchmarks -- <name> [args]
// Anything else goes to BenchmarkDotNet's switcher.
return args.FirstOrDefault() switch
{
    "simulator" => await SimulatorBenchmark.RunAsync(args[1..]),
    "gateway" => await GatewayBenchmark.RunAsync(args[1..]),
    "upsert" => await UpsertBenchmark.RunAsync(args[1..]),
    "full-sync" => await FullSyncBenchmark.RunAsync(args[1..]),
    _ => Switch(args),
};

static int Switch(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(SimulatorBenchmark).Assembly).Run(args);
    return 0;
}
