namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>A cached upstream body and the raw response it was archived as.</summary>
public sealed record CachedAnswer(long RawResponseId, byte[] Body);
