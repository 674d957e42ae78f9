namespace WeatherFlick.Simulator.Kto;

/// <summary>
/// A KorService2 operation: the parameters it accepts besides the common ones, those it requires (in the order they
/// are reported missing), and its rows. <see cref="Rows"/> returns null when a parameter value is invalid
/// (<see cref="KtoRequest.InvalidParameter"/> names it).
/// </summary>
internal sealed record KtoOperation(string Name, IReadOnlySet<string> Accepted, IReadOnlyList<string> Required, Func<KtoRequest, KtoRows?> Rows);
