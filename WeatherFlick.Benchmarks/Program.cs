using BenchmarkDotNet.Running;
using WeatherFlick.Benchmarks.Simulator;

// The first argument names a measured run; anything else goes to BenchmarkDotNet's switcher.
return args.FirstOrDefault() switch
{
    "simulator" => await SimulatorBenchmark.RunAsync(args[1..]),
    _ => Switch(args),
};

static int Switch(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(SimulatorBenchmark).Assembly).Run(args);
    return 0;
}
