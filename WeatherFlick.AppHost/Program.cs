Console.WriteLine("WeatherFlick AppHost: not yet assembled (see issue #3).");
