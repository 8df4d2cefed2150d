using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Portal.Domain.Forms;

namespace Portal.Domain.Tests.Forms;

public sealed class FormSchemaValidationTests
{
    private static FieldError Single(IReadOnlyList<FieldError> errors, string field, string keyword) =>
        Assert.Single(errors, e => e.Field == field && e.Keyword == keyword);

    [Fact]
    public void Validate_CompleteForm_ReturnsNoErrors()
    {
        // Arrange
        var data = SampleEForm.Json(SampleEForm.ValidDataJson);

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_MissingApplicantName_ReportsRequiredAtDottedPathWithTheLabel()
    {
        // Arrange
        var data = SampleEForm.DataWith(d => d["applicant"]!.AsObject().Remove("fullName"));

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal(new FieldError("applicant.fullName", "required", "Vui lòng nhập Họ và tên", "Please enter Full name"), error);
    }

    [Fact]
    public void Validate_EmptyApplicantName_AsksToEnterIt()
    {
        // Arrange
        var data = SampleEForm.DataWith(d => d["applicant"]!["fullName"] = "");

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        var error = Single(errors, "applicant.fullName", "minLength");
        Assert.Equal("Vui lòng nhập Họ và tên", error.Message);
    }

    [Theory]
    [InlineData("07209000123")]
    [InlineData("0720900012345")]
    [InlineData("07209000123a")]
    [InlineData("০৭২০৯০০০১২৩৪")]
    public void Validate_CccdNotTwelveAsciiDigits_SaysItNeedsExactlyTwelveDigits(string cccd)
    {
        // Arrange
        var data = SampleEForm.DataWith(d => d["applicant"]!["cccd"] = cccd);

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal(("applicant.cccd", "pattern"), (error.Field, error.Keyword));
        Assert.Equal("Số CCCD phải gồm đúng 12 chữ số", error.Message);
        Assert.Equal("Citizen ID number must have exactly 12 digits", error.MessageEn);
    }

    [Fact]
    public void Validate_CccdWithATrailingLineFeed_IsRefusedAsAControlCharacter()
    {
        // Arrange: .NET's "$" matches before a final "\n" (ECMA-262's does not), so the portal's text rule is what refuses it.
        var data = SampleEForm.DataWith(d => d["applicant"]!["cccd"] = "072090001234\n");

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal(("applicant.cccd", "controlCharacter"), (error.Field, error.Keyword));
        Assert.StartsWith("Số CCCD", error.Message);
        Assert.Contains("ký tự điều khiển", error.Message);
    }

    [Fact]
    public void Validate_AnyTwelveDigits_PassTheCccdPatternAndOtherLengthsFail()
    {
        // Arrange
        var digitStrings = Gen.Choose(0, 20).SelectMany(length => Gen.ArrayOf(Gen.Choose(0, 9), length))
            .Select(digits => string.Concat(digits));

        // Act
        var property = Prop.ForAll(digitStrings.ToArbitrary(), cccd =>
        {
            var errors = SampleEForm.Schema.Validate(SampleEForm.DataWith(d => d["applicant"]!["cccd"] = cccd));
            return errors.Count == 0 == (cccd.Length == 12);
        });

        // Assert
        property.QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("0281234567")]
    [InlineData("091234567")]
    [InlineData("84912345678")]
    public void Validate_NotAVietnameseMobile_ExplainsTheExpectedPhoneFormat(string phone)
    {
        // Arrange
        var data = SampleEForm.DataWith(d => d["applicant"]!["phone"] = phone);

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        var error = Single(errors, "applicant.phone", "pattern");
        Assert.StartsWith("Số điện thoại phải là số di động Việt Nam gồm 10 chữ số", error.Message);
        Assert.Contains("0912345678", error.MessageEn);
    }

    [Theory]
    [InlineData("0912345678")]
    [InlineData("+84912345678")]
    [InlineData("0387654321")]
    public void Validate_VietnameseMobile_IsAccepted(string phone)
    {
        // Arrange
        var data = SampleEForm.DataWith(d => d["applicant"]!["phone"] = phone);

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_RepeatGroupItemWithoutName_ReportsTheIndexedPath()
    {
        // Arrange
        var data = SampleEForm.DataWith(d => d["members"]!.AsArray().Add(new JsonObject { ["relationship"] = "vo" }));

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal(new FieldError("members.1.fullName", "required", "Vui lòng nhập Họ và tên thành viên", "Please enter Member's full name"), error);
    }

    [Fact]
    public void Validate_RepeatGroupItemWithUnknownRelationship_AsksToChooseFromTheList()
    {
        // Arrange
        var data = SampleEForm.DataWith(d => d["members"]![0]!["relationship"] = "ban");

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        var error = Single(errors, "members.0.relationship", "enum");
        Assert.Equal("Vui lòng chọn Quan hệ với chủ hộ trong danh sách cho sẵn", error.Message);
    }

    [Fact]
    public void Validate_EmptyRepeatGroup_AsksToAddAtLeastOneMember()
    {
        // Arrange
        var data = SampleEForm.DataWith(d => d["members"] = new JsonArray());

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        var error = Single(errors, "members", "minItems");
        Assert.Equal("Vui lòng thêm ít nhất 1 thành viên", error.Message);
        Assert.Equal("Please add at least 1 member", error.MessageEn);
    }

    [Fact]
    public void Validate_TooManyMembers_SaysTheMaximum()
    {
        // Arrange
        var data = SampleEForm.DataWith(d =>
        {
            var members = d["members"]!.AsArray();
            for (var i = 0; i < 3; i++) members.Add(new JsonObject { ["fullName"] = $"Con {i}", ["relationship"] = "con" });
        });

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        var error = Single(errors, "members", "maxItems");
        Assert.Equal("Chỉ được thêm tối đa 3 thành viên", error.Message);
    }

    [Fact]
    public void Validate_MarriedWithoutSpouseName_RequiresItWithTheLabelDeclaredBesideTheField()
    {
        // Arrange
        var data = SampleEForm.DataWith(d => d.Remove("spouseName"));

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal(new FieldError("spouseName", "required", "Vui lòng nhập Họ và tên vợ/chồng", "Please enter Spouse's full name"), error);
    }

    [Fact]
    public void Validate_SingleWithoutSpouseName_IsValid()
    {
        // Arrange
        var data = SampleEForm.DataWith(d =>
        {
            d["maritalStatus"] = "single";
            d.Remove("spouseName");
        });

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_MissingRadioChoice_AsksToChooseIt()
    {
        // Arrange
        var data = SampleEForm.DataWith(d =>
        {
            d.Remove("maritalStatus");
            d.Remove("spouseName");
        });

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal(("maritalStatus", "required", "Vui lòng chọn Tình trạng hôn nhân"), (error.Field, error.Keyword, error.Message));
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("17/05/1990")]
    [InlineData("1990-5-17")]
    public void Validate_InvalidDate_AsksForAValidYearMonthDay(string date)
    {
        // Arrange
        var data = SampleEForm.DataWith(d => d["applicant"]!["dateOfBirth"] = date);

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        var error = Single(errors, "applicant.dateOfBirth", "format");
        Assert.StartsWith("Ngày sinh phải là ngày hợp lệ theo dạng năm-tháng-ngày", error.Message);
    }

    [Fact]
    public void Validate_InvalidEmail_SaysItIsNotAnEmailAddress()
    {
        // Arrange
        var data = SampleEForm.DataWith(d => d["applicant"]!["email"] = "an.nguyen@gmail");

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        var error = Single(errors, "applicant.email", "format");
        Assert.StartsWith("Thư điện tử không phải là địa chỉ email hợp lệ", error.Message);
    }

    [Fact]
    public void Validate_UntickedDeclaration_AsksToTickTheBox()
    {
        // Arrange
        var data = SampleEForm.DataWith(d => d["declaration"] = false);

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        var error = Single(errors, "declaration", "const");
        Assert.Equal("Vui lòng đánh dấu ô “Tôi cam đoan nội dung khai trên là đúng sự thật”", error.Message);
    }

    [Fact]
    public void Validate_BadWardCode_UsesTheNestedLabelAndHint()
    {
        // Arrange
        var data = SampleEForm.DataWith(d => d["applicant"]!["address"]!["ward"] = "2769");

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        var error = Single(errors, "applicant.address.ward", "pattern");
        Assert.Equal("Phường/Xã không đúng định dạng. Chọn trong danh sách", error.Message);
        Assert.Equal("Ward/Commune is not in the expected format. Pick from the list", error.MessageEn);
    }

    [Fact]
    public void Validate_EmptyForm_ReportsEveryMissingFieldOnce()
    {
        // Arrange
        var data = SampleEForm.Json("{}");

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        Assert.Equal(
            ["applicant", "maritalStatus", "members", "declaration"],
            errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Equal("required", e.Keyword));
        Assert.Equal("Vui lòng nhập Người yêu cầu", errors[0].Message);
        Assert.Equal("Vui lòng chọn Tình trạng hôn nhân", errors[1].Message);
        Assert.Equal("Vui lòng đánh dấu ô “Tôi cam đoan nội dung khai trên là đúng sự thật”", errors[3].Message);
    }

    [Fact]
    public void Validate_ManyMistakes_CollectsAllWithoutDuplicates()
    {
        // Arrange
        var data = SampleEForm.DataWith(d =>
        {
            d["applicant"]!["cccd"] = "123";
            d["applicant"]!["phone"] = "123";
            d["applicant"]!.AsObject().Remove("address");
            d["members"]![0]!["age"] = 200;
            d.Remove("spouseName");
        });

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        Assert.Equal(
            new[] { "applicant.address/required", "applicant.cccd/pattern", "applicant.phone/pattern", "members.0.age/maximum", "spouseName/required" },
            errors.Select(e => $"{e.Field}/{e.Keyword}").Order(StringComparer.Ordinal));
        Assert.Equal("Tuổi phải nhỏ hơn hoặc bằng 150", Single(errors, "members.0.age", "maximum").Message);
    }

    [Fact]
    public void Validate_SameRequirementFromTwoSchemas_IsReportedOnce()
    {
        // Arrange
        var schema = FormSchema.Parse("""
            { "allOf": [ { "required": ["name"] }, { "required": ["name"] } ], "required": ["name"],
              "properties": { "name": { "type": "string", "x-ui": { "label": { "vi": "Tên" } } } } }
            """);

        // Act
        var errors = schema.Validate(SampleEForm.Json("{}"));

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal(("name", "Vui lòng nhập Tên", "Please enter Tên"), (error.Field, error.Message, error.MessageEn));
    }

    [Theory]
    [InlineData("30", true)]
    [InlineData("30.0", true)]
    [InlineData("3e1", true)]
    [InlineData("30.5", false)]
    [InlineData("\"30\"", false)]
    public void Validate_IntegerField_AcceptsWholeNumbersWrittenAnyWay(string age, bool valid)
    {
        // Arrange
        var data = SampleEForm.DataWith(d => d["members"]![0]!["age"] = JsonNode.Parse(age));

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        Assert.Equal(valid, errors.Count == 0);
        if (!valid) Assert.Equal("Tuổi phải là số nguyên", Single(errors, "members.0.age", "type").Message);
    }

    [Fact]
    public void Validate_LengthLimits_CountCodePointsNotUtf16Units()
    {
        // Arrange
        var schema = FormSchema.Parse("""{ "type": "string", "maxLength": 3, "minLength": 3 }""");

        // Act
        var astral = schema.Validate(SampleEForm.Json("\"𝒜𝒜𝒜\""));
        var tooLong = schema.Validate(SampleEForm.Json("\"𝒜𝒜𝒜𝒜\""));

        // Assert
        Assert.Empty(astral);
        var error = Assert.Single(tooLong);
        Assert.Equal(("", "maxLength", "Vui lòng nhập không quá 3 ký tự"), (error.Field, error.Keyword, error.Message));
    }

    [Fact]
    public void Validate_RootOfTheWrongType_IsReportedAtTheEmptyField()
    {
        // Arrange
        var data = SampleEForm.Json("[]");

        // Act
        var errors = SampleEForm.Schema.Validate(data);

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal(("", "type"), (error.Field, error.Keyword));
        Assert.Equal("Giá trị phải là một nhóm thông tin", error.Message);
    }

    [Fact]
    public void Validate_LabelOnTheProperty_WinsOverTheLabelInTheDefinition()
    {
        // Arrange
        var schema = FormSchema.Parse("""
            { "properties": { "cccd": { "$ref": "#/$defs/cccd", "x-ui": { "label": { "vi": "Số CCCD của người khai", "en": "Declarant's ID" } } } },
              "$defs": { "cccd": { "type": "string", "pattern": "^[0-9]{12}$", "x-ui": { "label": { "vi": "Số định danh" }, "widget": "cccd" } } } }
            """);

        // Act
        var errors = schema.Validate(SampleEForm.Json("""{ "cccd": "1" }"""));

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal("Số CCCD của người khai phải gồm đúng 12 chữ số", error.Message);
        Assert.Equal("Declarant's ID must have exactly 12 digits", error.MessageEn);
    }

    [Fact]
    public void Validate_FieldWithoutLabel_GetsAGenericMessage()
    {
        // Arrange
        var schema = FormSchema.Parse("""{ "required": ["code"], "properties": { "code": { "type": "string", "pattern": "^[A-Z]+$" } } }""");

        // Act
        var missing = schema.Validate(SampleEForm.Json("{}"));
        var wrong = schema.Validate(SampleEForm.Json("""{ "code": "abc" }"""));

        // Assert
        Assert.Equal("Vui lòng nhập thông tin bắt buộc này", Assert.Single(missing).Message);
        Assert.Equal("Giá trị không đúng định dạng", Assert.Single(wrong).Message);
    }

    [Fact]
    public void Validate_EnumAndConst_CompareJsonValuesNotText()
    {
        // Arrange
        var schema = FormSchema.Parse("""{ "enum": [ { "a": 1, "b": [1, 2] }, 3 ] }""");

        // Act
        var reordered = schema.Validate(SampleEForm.Json("""{ "b": [1.0, 2], "a": 1e0 }"""));
        var arrayReordered = schema.Validate(SampleEForm.Json("""{ "a": 1, "b": [2, 1] }"""));
        var number = schema.Validate(SampleEForm.Json("3.00"));

        // Assert
        Assert.Empty(reordered);
        Assert.Equal("enum", Assert.Single(arrayReordered).Keyword);
        Assert.Empty(number);
    }

    [Fact]
    public void Validate_FalseSchema_SaysTheFieldMustNotBeEntered()
    {
        // Arrange
        var schema = FormSchema.Parse("""{ "properties": { "internal": false } }""");

        // Act
        var errors = schema.Validate(SampleEForm.Json("""{ "internal": 1 }"""));

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal(("internal", "false", "Không được nhập thông tin này"), (error.Field, error.Keyword, error.Message));
    }

    [Fact]
    public void Validate_RecursiveSchemaThroughProperties_ValidatesEveryLevel()
    {
        // Arrange
        var schema = FormSchema.Parse("""
            { "$defs": { "node": { "type": "object", "required": ["name"],
                                   "properties": { "name": { "type": "string" }, "children": { "type": "array", "items": { "$ref": "#/$defs/node" } } } } },
              "$ref": "#/$defs/node" }
            """);

        // Act
        var errors = schema.Validate(SampleEForm.Json("""{ "name": "a", "children": [ { "name": "b", "children": [ { } ] } ] }"""));

        // Assert
        Assert.Equal("children.0.children.0.name", Assert.Single(errors).Field);
    }
}
