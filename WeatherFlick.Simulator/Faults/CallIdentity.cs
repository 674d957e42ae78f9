namespace WeatherFlick.Simulator.Faults;

/// <summary>Which call this is: the <paramref name="Number"/>-th charged call of a key and operation on a KST day.</summary>
internal readonly record struct CallIdentity(string Fingerprint, string Operation, DateOnly Day, int Number);
