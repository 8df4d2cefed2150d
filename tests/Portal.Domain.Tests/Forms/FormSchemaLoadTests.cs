using Portal.Domain.Forms;

namespace Portal.Domain.Tests.Forms;

public sealed class FormSchemaLoadTests
{
    [Fact]
    public void Load_SampleEForm_Succeeds()
    {
        // Arrange
        var json = SampleEForm.SchemaJson;

        // Act
        var error = Record.Exception(() => FormSchema.Parse(json));

        // Assert
        Assert.Null(error);
    }

    [Fact]
    public void Load_UnsupportedKeyword_NamesTheKeywordAndItsLocation()
    {
        // Arrange
        var json = """{ "properties": { "applicant": { "properties": { "gender": { "anyOf": [ { "const": "nam" }, { "const": "nu" } ] } } } } }""";

        // Act
        var error = Assert.Throws<FormSchemaException>(() => FormSchema.Parse(json));

        // Assert
        Assert.Equal("anyOf", error.Keyword);
        Assert.Equal("#/properties/applicant/properties/gender", error.Location);
        Assert.Contains("anyOf", error.Message);
        Assert.Contains("#/properties/applicant/properties/gender", error.Message);
    }

    [Fact]
    public void Load_UnsupportedKeywordInAnUnusedDefinition_IsStillRefused()
    {
        // Arrange
        var json = """{ "$defs": { "old": { "type": "string", "minLenght": 1 } } }""";

        // Act
        var error = Assert.Throws<FormSchemaException>(() => FormSchema.Parse(json));

        // Assert
        Assert.Equal(("minLenght", "#/$defs/old"), (error.Keyword, error.Location));
    }

    [Theory]
    [InlineData("""{ "format": "uri" }""", "format")]
    [InlineData("""{ "$ref": "https://example.com/cccd.json" }""", "$ref")]
    [InlineData("""{ "$ref": "#cccd" }""", "$ref")]
    [InlineData("""{ "$ref": "#/$defs/missing" }""", "$ref")]
    [InlineData("""{ "properties": { "a": { "$id": "a.json" } } }""", "$id")]
    [InlineData("""{ "$schema": "http://json-schema.org/draft-07/schema#" }""", "$schema")]
    [InlineData("""{ "items": [ { "type": "string" } ] }""", "items")]
    [InlineData("""{ "pattern": "^\\p{Script=Greek}+$" }""", "pattern")]
    [InlineData("""{ "pattern": "([a-z]" }""", "pattern")]
    [InlineData("""{ "minLength": -1 }""", "minLength")]
    [InlineData("""{ "type": "text" }""", "type")]
    [InlineData("""{ "required": "name" }""", "required")]
    public void Load_SchemaOutsideTheEFormSubset_IsRefused(string json, string keyword)
    {
        // Arrange, Act
        var error = Assert.Throws<FormSchemaException>(() => FormSchema.Parse(json));

        // Assert
        Assert.Equal(keyword, error.Keyword);
    }

    [Fact]
    public void Load_RefLoopThatNeverEntersAPropertyOrItem_IsRefused()
    {
        // Arrange
        var json = """{ "$ref": "#/$defs/a", "$defs": { "a": { "allOf": [ { "$ref": "#/$defs/b" } ] }, "b": { "$ref": "#/$defs/a" } } }""";

        // Act
        var error = Assert.Throws<FormSchemaException>(() => FormSchema.Parse(json));

        // Assert
        Assert.Equal("$ref", error.Keyword);
        Assert.Contains("loop", error.Message);
    }

    [Fact]
    public void Load_AnnotationsAndExtensions_AreIgnored()
    {
        // Arrange
        var json = """
            { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://portal.example/forms/1.001193",
              "$comment": "mẫu", "title": "Tờ khai", "description": "…", "x-ui": { "order": ["a"] }, "x-version": 2,
              "properties": { "a": { "type": "string", "default": "", "examples": ["x"], "deprecated": false } } }
            """;

        // Act
        var schema = FormSchema.Parse(json);

        // Assert
        Assert.Empty(schema.Validate(SampleEForm.Json("""{ "a": "x" }""")));
    }

    [Fact]
    public void Load_RefThroughTheRootId_IsTreatedAsLocal()
    {
        // Arrange
        var json = """{ "$id": "urn:portal:form", "properties": { "a": { "$ref": "urn:portal:form#/$defs/s" } }, "$defs": { "s": { "type": "string" } } }""";

        // Act
        var schema = FormSchema.Parse(json);

        // Assert
        Assert.Equal("a", Assert.Single(schema.Validate(SampleEForm.Json("""{ "a": 1 }"""))).Field);
    }
}
