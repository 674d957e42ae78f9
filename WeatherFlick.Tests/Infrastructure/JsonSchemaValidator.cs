using System.Globalization;
using System.Text.Json;

namespace WeatherFlick.Tests.Infrastructure;

/// <summary>
/// A JSON Schema (draft-07) validator for the keywords the Aspire manifest schema uses: type, properties, required,
/// additionalProperties, patternProperties, items, enum, const, oneOf, anyOf, allOf, not, $ref to local definitions,
/// and boolean schemas. Any other keyword that constrains values throws, so a schema is never half-checked in silence.
/// </summary>
public sealed class JsonSchemaValidator
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "$comment", "title", "description", "default", "examples", "definitions"];
    private static readonly HashSet<string> Supported =
        ["type", "properties", "required", "additionalProperties", "patternProperties", "items", "enum", "const", "oneOf", "anyOf", "allOf", "not", "$ref"];

    private readonly JsonElement _root;

    public JsonSchemaValidator(JsonElement schema) => _root = schema;

    public static JsonSchemaValidator Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new JsonSchemaValidator(document.RootElement.Clone());
    }

    /// <summary>Every violation, each prefixed with the JSON pointer of the offending value; empty when valid.</summary>
    public IReadOnlyList<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(_root, instance, "", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string at, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }
        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{Path(at)}: no value is allowed here");
            return;
        }
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Supported.Contains(keyword.Name) && !Annotations.Contains(keyword.Name))
            {
                throw new NotSupportedException($"The schema keyword '{keyword.Name}' (at {Path(at)}) is not implemented by this validator.");
            }
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(Resolve(reference.GetString()!), value, at, errors);
        }
        if (schema.TryGetProperty("type", out var type) && !HasType(value, type))
        {
            errors.Add($"{Path(at)}: expected {type.GetRawText()}, found {value.ValueKind}");
            return;
        }
        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add($"{Path(at)}: expected {constant.GetRawText()}, found {value.GetRawText()}");
        }
        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            errors.Add($"{Path(at)}: {value.GetRawText()} is not one of {allowed.GetRawText()}");
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(schema, value, at, errors);
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{at}/{index++}", errors);
            }
        }
        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var branch in allOf.EnumerateArray())
            {
                Check(branch, value, at, errors);
            }
        }
        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            var results = anyOf.EnumerateArray().Select(branch => Errors(branch, value, at)).ToList();
            if (results.All(r => r.Count > 0))
            {
                errors.Add($"{Path(at)}: matches none of the anyOf schemas; nearest: {string.Join("; ", results.MinBy(r => r.Count)!)}");
            }
        }
        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var results = oneOf.EnumerateArray().Select(branch => Errors(branch, value, at)).ToList();
            var matches = results.Count(r => r.Count == 0);
            if (matches == 0)
            {
                errors.Add($"{Path(at)}: matches none of the oneOf schemas; nearest: {string.Join("; ", results.MinBy(r => r.Count)!)}");
            }
            else if (matches > 1)
            {
                errors.Add($"{Path(at)}: matches {matches.ToString(CultureInfo.InvariantCulture)} of the oneOf schemas, exactly one is allowed");
            }
        }
        if (schema.TryGetProperty("not", out var not) && Errors(not, value, at).Count == 0)
        {
            errors.Add($"{Path(at)}: matches a schema it must not match ({not.GetRawText()[..Math.Min(80, not.GetRawText().Length)]}…)");
        }
    }

    private void CheckObject(JsonElement schema, JsonElement value, string at, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
            {
                errors.Add($"{Path(at)}: the required property '{name}' is missing");
            }
        }
        var hasProperties = schema.TryGetProperty("properties", out var properties);
        var hasPatterns = schema.TryGetProperty("patternProperties", out var patterns);
        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in value.EnumerateObject())
        {
            var childAt = $"{at}/{property.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
            var matched = false;
            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                matched = true;
                Check(propertySchema, property.Value, childAt, errors);
            }
            if (hasPatterns)
            {
                foreach (var pattern in patterns.EnumerateObject().Where(p => System.Text.RegularExpressions.Regex.IsMatch(property.Name, p.Name)))
                {
                    matched = true;
                    Check(pattern.Value, property.Value, childAt, errors);
                }
            }
            if (!matched && hasAdditional)
            {
                if (additional.ValueKind == JsonValueKind.False)
                {
                    errors.Add($"{Path(at)}: the property '{property.Name}' is not allowed");
                }
                else
                {
                    Check(additional, property.Value, childAt, errors);
                }
            }
        }
    }

    private List<string> Errors(JsonElement schema, JsonElement value, string at)
    {
        var errors = new List<string>();
        Check(schema, value, at, errors);
        return errors;
    }

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only local references (#/…) are implemented, not '{reference}'.");
        }
        var node = _root;
        foreach (var segment in reference[2..].Split('/'))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (!node.TryGetProperty(name, out node))
            {
                throw new InvalidOperationException($"The reference '{reference}' points nowhere.");
            }
        }
        return node;
    }

    private static bool HasType(JsonElement value, JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => IsType(value, t.GetString()!))
        : IsType(value, type.GetString()!);

    private static bool IsType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) && decimal.Truncate(d) == d,
        _ => throw new NotSupportedException($"Unknown type '{type}'."),
    };

    private static string Path(string at) => at.Length == 0 ? "/" : at;
}
