namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>One call charged to a key before it is sent: the key and its count for the day including this call.</summary>
public sealed record KeyReservation(ApiKey Key, DateOnly DayKst, int CallsToday);
