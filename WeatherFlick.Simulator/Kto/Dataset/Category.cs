namespace WeatherFlick.Simulator.Kto.Dataset;

/// <summary>
/// A leaf of the legacy classification (<c>cat3</c>, 9 characters; cat1 and cat2 are its prefixes) with the new
/// classification leaf (<c>lclsSystm3</c>; lclsSystm1/2 are its prefixes), the content type it belongs to, and the
/// word that ends a generated title.
/// </summary>
public sealed record Category(string Cat3, string Name, int ContentTypeId, string Lcls3, string TitleWord, double Weight)
{
    public string Cat1 => Cat3[..3];

    public string Cat2 => Cat3[..5];

    public string Lcls1 => Lcls3.StartsWith("C01", StringComparison.Ordinal) ? "C01" : Lcls3[..2];

    public string Lcls2 => Lcls3[..(Lcls1.Length + 2)];
}
