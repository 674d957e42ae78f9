using WeatherFlick.Simulator.Responses;

namespace WeatherFlick.Simulator.Kto;

/// <summary>An answer of <paramref name="Total"/> rows; <paramref name="Write"/> writes the row at a 0-based position.</summary>
internal sealed record KtoRows(int Total, Action<EnvelopeWriter, int> Write)
{
    public static KtoRows Of<T>(IReadOnlyList<T> rows, Action<EnvelopeWriter, T, int> write) =>
        new(rows.Count, (writer, position) => write(writer, rows[position], position));
}
