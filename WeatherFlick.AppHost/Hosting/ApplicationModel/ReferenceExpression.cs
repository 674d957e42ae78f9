using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>
/// A string made of literals and values known only later (ports, passwords, other connection strings): evaluated to
/// the real value in run mode and written as a manifest expression in publish mode. Build one with
/// <c>ReferenceExpression.Create($"Host={endpoint.Property(EndpointProperty.Host)};…")</c>.
/// </summary>
public sealed class ReferenceExpression : IValueProvider, IManifestExpressionProvider
{
    private readonly IManifestExpressionProvider[] _manifestProviders;

    private ReferenceExpression(string format, IValueProvider[] valueProviders, IManifestExpressionProvider[] manifestProviders)
    {
        Format = format;
        ValueProviders = valueProviders;
        _manifestProviders = manifestProviders;
    }

    /// <summary>A composite format string whose placeholders are the <see cref="ValueProviders"/>, in order.</summary>
    public string Format { get; }

    public IReadOnlyList<IValueProvider> ValueProviders { get; }

    public string ValueExpression =>
        string.Format(CultureInfo.InvariantCulture, Format, _manifestProviders.Select(p => (object)p.ValueExpression).ToArray());

    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default)
    {
        var values = new object?[ValueProviders.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = await ValueProviders[i].GetValueAsync(cancellationToken).ConfigureAwait(false);
        }
        return string.Format(CultureInfo.InvariantCulture, Format, values);
    }

    public static ReferenceExpression Create(in ExpressionInterpolatedStringHandler handler) => handler.Build();

    public override string ToString() => ValueExpression;

    [InterpolatedStringHandler]
    public ref struct ExpressionInterpolatedStringHandler
    {
        private readonly StringBuilder _format;
        private readonly List<IValueProvider> _values;
        private readonly List<IManifestExpressionProvider> _expressions;

        public ExpressionInterpolatedStringHandler(int literalLength, int formattedCount)
        {
            _format = new StringBuilder(literalLength + formattedCount * 4);
            _values = new List<IValueProvider>(formattedCount);
            _expressions = new List<IManifestExpressionProvider>(formattedCount);
        }

        public readonly void AppendLiteral(string value) =>
            _format.Append(value.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));

        public readonly void AppendFormatted(string? value) => AppendLiteral(value ?? "");

        public readonly void AppendFormatted(int value) => AppendLiteral(value.ToString(CultureInfo.InvariantCulture));

        public readonly void AppendFormatted(IValueProvider value)
        {
            var expression = value as IManifestExpressionProvider
                ?? throw new ArgumentException($"{value.GetType().Name} has no manifest expression, so it cannot be part of a reference expression.", nameof(value));
            _format.Append('{').Append(_values.Count.ToString(CultureInfo.InvariantCulture)).Append('}');
            _values.Add(value);
            _expressions.Add(expression);
        }

        public readonly void AppendFormatted<T>(IResourceBuilder<T> value) where T : IResource, IValueProvider => AppendFormatted(value.Resource);

        internal readonly ReferenceExpression Build() => new(_format.ToString(), [.. _values], [.. _expressions]);
    }
}
