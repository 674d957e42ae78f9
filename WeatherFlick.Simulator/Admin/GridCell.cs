namespace WeatherFlick.Simulator.Admin;

/// <summary><c>GET /_sim/grid?lat=&amp;lon=</c>: the KMA cell of a point and whether the simulator treats it as land.</summary>
internal sealed record GridCell(int Nx, int Ny, bool Land);
