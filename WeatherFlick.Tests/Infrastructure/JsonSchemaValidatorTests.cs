using System.Text.Json;

namespace WeatherFlick.Tests.Infrastructure;

public sealed class JsonSchemaValidatorTests
{
    private static JsonSchemaValidator Schema(string json) => new(JsonDocument.Parse(json).RootElement.Clone());

    private static IReadOnlyList<string> Validate(string schema, string instance) =>
        Schema(schema).Validate(JsonDocument.Parse(instance).RootElement);

    [Fact]
    public void Type_required_and_additional_properties_are_enforced()
    {
        const string schema = """{"type":"object","required":["a"],"properties":{"a":{"type":"string"}},"additionalProperties":false}""";

        Validate(schema, """{"a":"x"}""").ShouldBeEmpty("a valid object must pass");
        Validate(schema, """{}""").ShouldContain(e => e.Contains("'a' is missing"), "a missing required property must be reported");
        Validate(schema, """{"a":1}""").ShouldContain(e => e.StartsWith("/a:"), "a wrong type must be reported at its pointer");
        Validate(schema, """{"a":"x","b":1}""").ShouldContain(e => e.Contains("'b' is not allowed"), "additionalProperties false must reject unknown names");
        Validate(schema, """[]""").ShouldNotBeEmpty("an array is not an object");
    }

    [Fact]
    public void Additional_properties_schema_applies_to_every_unnamed_property()
    {
        const string schema = """{"type":"object","additionalProperties":{"type":"number"}}""";

        Validate(schema, """{"x":1,"y":2.5}""").ShouldBeEmpty("numbers match");
        Validate(schema, """{"x":"1"}""").ShouldHaveSingleItem("a string under a number schema is one error");
    }

    [Fact]
    public void Const_and_enum_accept_only_their_values()
    {
        Validate("""{"const":"container.v0"}""", "\"container.v0\"").ShouldBeEmpty("the constant itself matches");
        Validate("""{"const":"container.v0"}""", "\"project.v0\"").ShouldNotBeEmpty("another value does not match a const");
        Validate("""{"enum":["tcp","udp"]}""", "\"udp\"").ShouldBeEmpty("a listed value matches");
        Validate("""{"enum":["tcp","udp"]}""", "\"http\"").ShouldNotBeEmpty("an unlisted value does not match an enum");
    }

    [Fact]
    public void OneOf_requires_exactly_one_matching_branch()
    {
        const string schema = """{"oneOf":[{"type":"string"},{"type":"string","const":"x"},{"type":"number"}]}""";

        Validate(schema, "1").ShouldBeEmpty("exactly one branch (number) matches");
        Validate(schema, "\"y\"").ShouldBeEmpty("exactly one branch (string) matches");
        Validate(schema, "\"x\"").ShouldContain(e => e.Contains("matches 2"), "two matching branches break oneOf");
        Validate(schema, "true").ShouldContain(e => e.Contains("none of the oneOf"), "no matching branch breaks oneOf");
    }

    [Fact]
    public void AnyOf_allOf_and_not_combine_as_specified()
    {
        Validate("""{"anyOf":[{"type":"string"},{"type":"number"}]}""", "1").ShouldBeEmpty("one anyOf branch is enough");
        Validate("""{"anyOf":[{"type":"string"},{"type":"number"}]}""", "null").ShouldNotBeEmpty("no anyOf branch matches null");
        Validate("""{"allOf":[{"type":"number"},{"enum":[1,2]}]}""", "3").ShouldNotBeEmpty("allOf needs every branch");
        Validate("""{"not":{"enum":["container.v0"]}}""", "\"container.v0\"").ShouldNotBeEmpty("not rejects what its schema accepts");
        Validate("""{"not":{"enum":["container.v0"]}}""", "\"other.v0\"").ShouldBeEmpty("not accepts what its schema rejects");
    }

    [Fact]
    public void References_boolean_schemas_and_items_are_followed()
    {
        const string schema = """
            {"type":"object","properties":{"args":{"$ref":"#/definitions/args"},"build":false},
             "definitions":{"args":{"type":"array","items":{"type":"string"}}}}
            """;

        Validate(schema, """{"args":["-c","x"]}""").ShouldBeEmpty("strings in the referenced array schema match");
        Validate(schema, """{"args":["-c",1]}""").ShouldContain(e => e.StartsWith("/args/1:"), "an item is checked through the reference");
        Validate(schema, """{"build":{}}""").ShouldContain(e => e.StartsWith("/build:"), "a false schema allows no value");
    }

    [Fact]
    public void An_unimplemented_keyword_throws_instead_of_passing_silently()
    {
        Should.Throw<NotSupportedException>(() => Validate("""{"minLength":3}""", "\"ab\""),
            "a keyword the validator does not implement must not be ignored");
    }
}
