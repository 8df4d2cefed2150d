using Portal.Domain.Forms;

namespace Portal.Domain.Tests.Forms;

/// <summary>The portal's rules beyond JSON Schema: closed objects, no control characters in text, no date of birth after today.</summary>
public sealed class PortalRuleTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object", "additionalProperties": false, "required": ["person"],
          "properties": {
            "person": {
              "type": "object", "additionalProperties": false, "required": ["fullName", "dateOfBirth"],
              "properties": {
                "fullName": { "type": "string", "minLength": 1, "x-ui": { "label": { "vi": "Họ và tên", "en": "Full name" } } },
                "dateOfBirth": { "type": "string", "format": "date", "x-maxDate": "today",
                                 "x-ui": { "label": { "vi": "Ngày sinh", "en": "Date of birth" }, "widget": "date" } },
                "note": { "type": "string", "x-ui": { "label": { "vi": "Ghi chú", "en": "Note" }, "widget": "textarea" } }
              }
            }
          }
        }
        """;

    private static readonly DateOnly Today = new(2026, 11, 30);

    private static IReadOnlyList<FieldError> Validate(string json) => FormSchema.Parse(Schema).Validate(SampleEForm.Json(json), Today);

    [Fact]
    public void Validate_NulInAName_IsRefusedAtTheFieldInVietnameseAndEnglish()
    {
        // Arrange, Act
        var errors = Validate("""{ "person": { "fullName": "Nguyễn\u0000Lan", "dateOfBirth": "1990-04-12" } }""");

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal(("person.fullName", "controlCharacter"), (error.Field, error.Keyword));
        Assert.Equal("Họ và tên chứa ký tự điều khiển không hợp lệ (ví dụ ký tự NUL); vui lòng nhập lại", error.Message);
        Assert.StartsWith("Full name contains a control character", error.MessageEn);
    }

    [Theory]
    [InlineData("\\u0001")]
    [InlineData("\\u001f")]
    [InlineData("\\u007f")]
    [InlineData("\\u0085")]
    [InlineData("\\n")]
    [InlineData("\\t")]
    public void Validate_ControlCharacterInAOneLineAnswer_IsRefused(string escaped)
    {
        // Arrange, Act
        var errors = Validate($$"""{ "person": { "fullName": "Lan{{escaped}}", "dateOfBirth": "1990-04-12" } }""");

        // Assert
        Assert.Equal(("person.fullName", "controlCharacter"), (Assert.Single(errors).Field, Assert.Single(errors).Keyword));
    }

    [Fact]
    public void Validate_LineBreaksAndTabsInATextarea_AreAccepted_ButNulIsNot()
    {
        // Arrange, Act
        var accepted = Validate("""{ "person": { "fullName": "Lan", "dateOfBirth": "1990-04-12", "note": "dòng 1\r\ndòng 2\tcuối" } }""");
        var refused = Validate("""{ "person": { "fullName": "Lan", "dateOfBirth": "1990-04-12", "note": "dòng 1\u0000" } }""");

        // Assert
        Assert.Empty(accepted);
        Assert.Equal("person.note", Assert.Single(refused).Field);
    }

    [Fact]
    public void Validate_DateOfBirthAfterToday_IsRefusedNamingTheField_AndTodayIsAccepted()
    {
        // Arrange, Act
        var tomorrow = Validate("""{ "person": { "fullName": "Lan", "dateOfBirth": "2026-12-01" } }""");
        var today = Validate("""{ "person": { "fullName": "Lan", "dateOfBirth": "2026-11-30" } }""");

        // Assert
        var error = Assert.Single(tomorrow);
        Assert.Equal(("person.dateOfBirth", "maxDate", "Ngày sinh không được sau ngày hôm nay"), (error.Field, error.Keyword, error.Message));
        Assert.Empty(today);
    }

    [Fact]
    public void Validate_ImpossibleDate_IsAFormatErrorOnly()
    {
        // Arrange, Act
        var errors = Validate("""{ "person": { "fullName": "Lan", "dateOfBirth": "2990-02-30" } }""");

        // Assert
        Assert.Equal(("person.dateOfBirth", "format"), (Assert.Single(errors).Field, Assert.Single(errors).Keyword));
    }

    [Fact]
    public void Validate_UnknownNestedField_IsRefusedAtItsOwnPath()
    {
        // Arrange, Act
        var errors = Validate("""{ "person": { "fullName": "Lan", "dateOfBirth": "1990-04-12", "nickname": "Lan Lan" } }""");

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal(("person.nickname", "additionalProperties"), (error.Field, error.Keyword));
        Assert.Contains("nickname", error.Message);
    }

    [Fact]
    public void Validate_MissingNestedField_IsReportedAtTheMissingField()
    {
        // Arrange, Act
        var errors = Validate("""{ "person": { "dateOfBirth": "1990-04-12" } }""");

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal(("person.fullName", "required", "Vui lòng nhập Họ và tên"), (error.Field, error.Keyword, error.Message));
    }

    [Fact]
    public void Validate_JsonSchemaOnly_LeavesControlCharactersToTheSchema()
    {
        // Arrange
        using var document = System.Text.Json.JsonDocument.Parse(Schema);
        var schema = FormSchema.Load(document.RootElement, FormRules.JsonSchemaOnly);

        // Act
        var errors = schema.Validate(SampleEForm.Json("""{ "person": { "fullName": "Nguyễn\u0000Lan", "dateOfBirth": "1990-04-12" } }"""), Today);

        // Assert
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("""{ "x-maxDate": "tomorrow" }""", "x-maxDate")]
    [InlineData("""{ "pattern": "^\\p{Letter}+$" }""", "pattern")]
    [InlineData("""{ "properties": { "a": { "unevaluatedProperties": false } } }""", "unevaluatedProperties")]
    public void Load_OutsideWhatBothSidesHonour_IsRefusedNamingTheKeyword(string json, string keyword)
    {
        // Arrange, Act
        var error = Assert.Throws<FormSchemaException>(() => FormSchema.Parse(json));

        // Assert
        Assert.Equal(keyword, error.Keyword);
        Assert.Contains(keyword, error.Message);
    }
}
