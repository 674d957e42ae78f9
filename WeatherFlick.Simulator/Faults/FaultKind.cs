namespace WeatherFlick.Simulator.Faults;

/// <summary>The faults the gateway can inject into an accepted call (see <see cref="FaultWeights"/>).</summary>
internal enum FaultKind
{
    Http500,
    Http502,
    Http503,
    Hang,
    Slow,
    Truncated,
    GatewayApplicationError,
    GatewayHttpError,
    GatewayUnknownError,
    WrappedNoData,
}
