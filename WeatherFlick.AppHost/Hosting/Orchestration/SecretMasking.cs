namespace WeatherFlick.AppHost.Hosting.Orchestration;

internal static class SecretMasking
{
    public static string Mask(string text, IReadOnlyCollection<string> secrets)
    {
        foreach (var secret in secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, ResourceLoggerService.Mask, StringComparison.Ordinal);
            }
        }
        return text;
    }
}
