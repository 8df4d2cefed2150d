using System.Text.Json;
using Portal.Domain.Forms;

namespace Portal.Domain.Tests.Forms;

/// <summary>
/// A small e-Form in the catalogue's convention: an applicant from $defs (with CCCD and phone $refs and an address),
/// a repeat group of household members (thành viên hộ gia đình), a conditional spouse name and a declaration box.
/// </summary>
internal static class SampleEForm
{
    /// <summary>The day the tests validate on (Vietnam time).</summary>
    public static readonly DateOnly Today = new(2026, 11, 30);

    public const string SchemaJson = """
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "title": "Tờ khai mẫu",
      "type": "object",
      "required": ["applicant", "maritalStatus", "members", "declaration"],
      "properties": {
        "applicant": { "$ref": "#/$defs/applicant", "x-ui": { "label": { "vi": "Người yêu cầu", "en": "Applicant" }, "widget": "group" } },
        "maritalStatus": {
          "type": "string", "enum": ["single", "married"],
          "x-ui": { "label": { "vi": "Tình trạng hôn nhân", "en": "Marital status" }, "widget": "radio",
                    "options": [ { "value": "single", "label": { "vi": "Độc thân", "en": "Single" } },
                                 { "value": "married", "label": { "vi": "Đã kết hôn", "en": "Married" } } ] }
        },
        "spouseName": {
          "type": "string", "minLength": 1, "maxLength": 100,
          "x-ui": { "label": { "vi": "Họ và tên vợ/chồng", "en": "Spouse's full name" },
                    "visibleWhen": { "field": "maritalStatus", "equals": "married" } }
        },
        "members": {
          "type": "array", "minItems": 1, "maxItems": 3, "items": { "$ref": "#/$defs/member" },
          "x-ui": { "label": { "vi": "Thành viên hộ gia đình", "en": "Household members" }, "widget": "repeat",
                    "itemLabel": { "vi": "Thành viên", "en": "Member" } }
        },
        "declaration": {
          "const": true,
          "x-ui": { "label": { "vi": "Tôi cam đoan nội dung khai trên là đúng sự thật", "en": "I declare that the above is true" }, "widget": "checkbox" }
        }
      },
      "if": { "properties": { "maritalStatus": { "const": "married" } }, "required": ["maritalStatus"] },
      "then": { "required": ["spouseName"] },
      "$defs": {
        "cccd": { "type": "string", "pattern": "^[0-9]{12}$" },
        "phone": { "type": "string", "pattern": "^(0|\\+84)(3|5|7|8|9)[0-9]{8}$" },
        "address": {
          "type": "object", "required": ["province", "ward", "detail"],
          "properties": {
            "province": { "type": "string", "pattern": "^[0-9]{2}$", "x-ui": { "label": { "vi": "Tỉnh/Thành phố", "en": "Province/City" } } },
            "ward": { "type": "string", "pattern": "^[0-9]{5}$",
                      "x-ui": { "label": { "vi": "Phường/Xã", "en": "Ward/Commune" }, "hint": { "vi": "Chọn trong danh sách", "en": "Pick from the list" } } },
            "detail": { "type": "string", "minLength": 1, "maxLength": 200, "x-ui": { "label": { "vi": "Số nhà, đường", "en": "House number and street" } } }
          },
          "x-ui": { "widget": "address" }
        },
        "applicant": {
          "type": "object", "required": ["fullName", "cccd", "dateOfBirth", "phone", "address"],
          "properties": {
            "fullName": { "type": "string", "minLength": 1, "maxLength": 100,
                          "x-ui": { "label": { "vi": "Họ và tên", "en": "Full name" }, "prefill": "citizen.fullName" } },
            "cccd": { "$ref": "#/$defs/cccd", "x-ui": { "label": { "vi": "Số CCCD", "en": "Citizen ID number" }, "widget": "cccd" } },
            "dateOfBirth": { "type": "string", "format": "date", "x-ui": { "label": { "vi": "Ngày sinh", "en": "Date of birth" }, "widget": "date" } },
            "phone": { "$ref": "#/$defs/phone", "x-ui": { "label": { "vi": "Số điện thoại", "en": "Phone number" }, "widget": "phone" } },
            "email": { "type": "string", "format": "email", "x-ui": { "label": { "vi": "Thư điện tử", "en": "E-mail" }, "widget": "email" } },
            "address": { "$ref": "#/$defs/address", "x-ui": { "label": { "vi": "Địa chỉ thường trú", "en": "Permanent address" } } }
          }
        },
        "member": {
          "type": "object", "required": ["fullName", "relationship"],
          "properties": {
            "fullName": { "type": "string", "minLength": 1, "x-ui": { "label": { "vi": "Họ và tên thành viên", "en": "Member's full name" } } },
            "relationship": { "type": "string", "enum": ["con", "vo", "chong", "cha", "me"],
                              "x-ui": { "label": { "vi": "Quan hệ với chủ hộ", "en": "Relationship to the head of household" }, "widget": "select" } },
            "cccd": { "$ref": "#/$defs/cccd", "x-ui": { "label": { "vi": "Số CCCD của thành viên", "en": "Member's citizen ID number" }, "widget": "cccd" } },
            "age": { "type": "integer", "minimum": 0, "maximum": 150, "x-ui": { "label": { "vi": "Tuổi", "en": "Age" } } }
          }
        }
      }
    }
    """;

    /// <summary>A complete, valid submission.</summary>
    public const string ValidDataJson = """
    {
      "applicant": {
        "fullName": "Nguyễn Văn An", "cccd": "072090001234", "dateOfBirth": "1990-05-17", "phone": "0912345678",
        "email": "an.nguyen@example.vn", "address": { "province": "72", "ward": "27694", "detail": "12 Đường 30/4" }
      },
      "maritalStatus": "married",
      "spouseName": "Trần Thị Bình",
      "members": [ { "fullName": "Nguyễn Văn Cường", "relationship": "con", "age": 7 } ],
      "declaration": true
    }
    """;

    private static readonly Lazy<FormSchema> Compiled = new(() => FormSchema.Parse(SchemaJson));

    /// <summary>The compiled sample schema.</summary>
    public static FormSchema Schema => Compiled.Value;

    /// <summary>The valid data with <paramref name="edit"/> applied, as a JSON element.</summary>
    public static JsonElement DataWith(Action<System.Text.Json.Nodes.JsonObject> edit)
    {
        var data = System.Text.Json.Nodes.JsonNode.Parse(ValidDataJson)!.AsObject();
        edit(data);
        return JsonDocument.Parse(data.ToJsonString()).RootElement;
    }

    /// <summary>Parses JSON text into an element.</summary>
    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
