namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>When SET writes, as StackExchange.Redis's <c>When</c>: always, only a new key (NX), only an existing key (XX).</summary>
public enum When
{
    Always,
    Exists,
    NotExists,
}
