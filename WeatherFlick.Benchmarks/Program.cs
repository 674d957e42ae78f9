using BenchmarkDotNet.Running;
using WeatherFlick.Benchmarks.Upsert;

// Measured runs that print side-by-side ratios: dotnet run -c Release --project WeatherFlick.Benchmarks -- <name> [args]
// Anything else goes to BenchmarkDotNet's switcher.
return args.FirstOrDefault() switch
{
    "upsert" => await UpsertBenchmark.RunAsync(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
    return 0;
}
