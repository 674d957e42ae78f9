namespace WeatherFlick.Simulator.Gateway;

/// <summary>What a service made of a call, for stats: only <see cref="InvalidRequest"/> counts as a "params" rejection.</summary>
internal enum AnswerKind
{
    Data,
    Empty,
    NoData,
    InvalidRequest,
}
