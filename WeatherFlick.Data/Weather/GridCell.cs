namespace WeatherFlick.Data.Weather;

/// <summary>A KMA forecast grid cell (5 km Lambert conformal conic).</summary>
public readonly record struct GridCell(int Nx, int Ny)
{
    public override string ToString() => FormattableString.Invariant($"{Nx},{Ny}");
}
