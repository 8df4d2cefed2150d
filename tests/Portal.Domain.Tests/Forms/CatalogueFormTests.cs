using System.Text.Json;
using Portal.Domain.Forms;

namespace Portal.Domain.Tests.Forms;

/// <summary>Every e-Form of the catalogue: loads, says 2020-12, closes its objects and has sample cases.</summary>
public sealed class CatalogueFormTests
{
    public static TheoryData<string> Codes() => new(CatalogueForms.All().Select(f => f.Code));

    [Theory]
    [MemberData(nameof(Codes))]
    public void Form_LoadsAndDeclaresJsonSchema2020_12(string code)
    {
        // Arrange
        var form = CatalogueForms.All().Single(f => f.Code == code).Form;

        // Act
        var error = Record.Exception(() => FormSchema.Load(form));

        // Assert
        Assert.Null(error);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", form.GetProperty("$schema").GetString());
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Form_ClosesEveryObject(string code)
    {
        // Arrange
        var form = CatalogueForms.All().Single(f => f.Code == code).Form;

        // Act
        var open = new List<string>();
        FindOpenObjects(form, "#", insideIf: false, open);

        // Assert
        Assert.True(open.Count == 0, $"objects without \"additionalProperties\": false: {string.Join(", ", open)}");
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Form_HasAValidSampleAndSeveralInvalidOnes(string code)
    {
        // Arrange, Act
        var samples = CatalogueForms.Samples(code);

        // Assert
        Assert.Equal(code, samples.Procedure);
        Assert.Contains(samples.Cases, c => c.Valid);
        Assert.True(samples.Cases.Count(c => !c.Valid) >= 5);
        Assert.All(samples.Cases.Where(c => !c.Valid), c => Assert.NotEmpty(c.Fields));
    }

    [Fact]
    public void UnknownField_IsRefusedNamingIt()
    {
        // Arrange
        var (code, form) = CatalogueForms.All()[0];
        var data = CatalogueForms.Samples(code).Cases.First(c => c.Valid).Data;
        var withExtra = JsonSerializer.SerializeToElement(
            JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(data.GetRawText())!.Append(new("tenKhac", JsonSerializer.SerializeToElement("x"))).ToDictionary());

        // Act
        var errors = FormSchema.Load(form).Validate(withExtra, SampleEForm.Today);

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal(("tenKhac", "additionalProperties"), (error.Field, error.Keyword));
        Assert.Contains("tenKhac", error.Message);
    }

    /// <summary>An object schema (one with "properties", outside an "if") must say "additionalProperties": false.</summary>
    private static void FindOpenObjects(JsonElement schema, string location, bool insideIf, List<string> open)
    {
        if (schema.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in schema.EnumerateArray()) FindOpenObjects(item, $"{location}/{i++}", insideIf, open);
            return;
        }
        if (schema.ValueKind != JsonValueKind.Object) return;
        if (!insideIf && schema.TryGetProperty("properties", out _)
            && !(schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False))
        {
            open.Add(location);
        }
        foreach (var keyword in schema.EnumerateObject())
        {
            if (keyword.Name is "x-ui" or "enum" or "const" or "required") continue;
            FindOpenObjects(keyword.Value, $"{location}/{keyword.Name}", insideIf || keyword.Name == "if", open);
        }
    }
}
