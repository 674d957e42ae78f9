namespace WeatherFlick.Simulator.Responses;

/// <summary>The body format a caller asked for (<c>_type</c> for KTO, <c>dataType</c> for KMA); XML is the default of both.</summary>
internal enum ResponseFormat
{
    Xml,
    Json,
}
