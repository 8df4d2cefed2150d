using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Portal.Testing;

/// <summary>Valid answers and files for the demo procedure, birth registration (đăng ký khai sinh, 1.001193).</summary>
public static class SampleDossiers
{
    /// <summary>The birth registration procedure code.</summary>
    public const string BirthRegistration = "1.001193";

    /// <summary>A complete, valid birth registration by Nguyễn Thị Lan for her son.</summary>
    public static JsonObject BirthRegistrationForm() => new()
    {
        ["applicant"] = new JsonObject
        {
            ["fullName"] = "Nguyễn Thị Lan",
            ["cccd"] = "080190001234",
            ["dateOfBirth"] = "1990-04-12",
            ["phone"] = "0912345678",
            ["email"] = "lan.nguyen@example.vn",
            ["address"] = Address(),
        },
        ["relationship"] = "me",
        ["child"] = new JsonObject
        {
            ["fullName"] = "Trần Minh Khôi",
            ["gender"] = "nam",
            ["dateOfBirth"] = "2026-11-10",
            ["birthPlaceType"] = "co-so-y-te",
            ["birthFacility"] = "Bệnh viện Đa khoa Long An",
            ["placeOfBirth"] = Address(),
            ["ethnicity"] = "01",
            ["nationality"] = "VN",
        },
        ["mother"] = new JsonObject
        {
            ["fullName"] = "Nguyễn Thị Lan",
            ["dateOfBirth"] = "1990-04-12",
            ["ethnicity"] = "01",
            ["nationality"] = "VN",
            ["cccd"] = "080190001234",
            ["residence"] = Address(),
        },
        ["fatherKnown"] = false,
        ["copies"] = 1,
        ["delivery"] = "dien-tu",
    };

    /// <summary>An address in Phường Tân An, Tây Ninh.</summary>
    public static JsonObject Address() => new() { ["province"] = "80", ["ward"] = "27712", ["detail"] = "12 đường Hùng Vương, khu phố 3" };

    /// <summary>A small but real PDF header and body.</summary>
    public static byte[] Pdf(string text = "Giay chung sinh") =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text}\n%%EOF\n");

    /// <summary>A submission as the site sends it: procedureCode, form (JSON text), files as doc:&lt;id&gt;.</summary>
    public static MultipartFormDataContent Submission(string procedureCode, JsonNode form, params (string DocumentId, string FileName, byte[] Content)[] files)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(procedureCode), "procedureCode" },
            { new StringContent(form.ToJsonString()), "form" },
        };
        foreach (var (id, name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, $"doc:{id}", name);
        }
        return content;
    }

    /// <summary>A valid birth registration submission with its birth certificate attached.</summary>
    public static MultipartFormDataContent BirthRegistrationSubmission(JsonObject? form = null) =>
        Submission(BirthRegistration, form ?? BirthRegistrationForm(), ("giay-chung-sinh", "giay-chung-sinh.pdf", Pdf()));

    /// <summary>
    /// The personal values of <see cref="BirthRegistrationForm"/> (names, CCCD, phone in both forms, e-mail, address,
    /// dates of birth, birth facility): what must never appear in a public view, a log or a trace.
    /// </summary>
    public static IReadOnlyList<string> PersonalValues { get; } =
    [
        "Nguyễn Thị Lan", "080190001234", "0912345678", "912345678", "lan.nguyen@example.vn", "Trần Minh Khôi",
        "12 đường Hùng Vương", "1990-04-12", "Bệnh viện Đa khoa Long An",
    ];
}
