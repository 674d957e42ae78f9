using Microsoft.Extensions.Options;

namespace WeatherFlick.Simulator.Hosting;

/// <summary>Data annotations of <see cref="SimulatorOptions"/> and of every nested section, generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>;
