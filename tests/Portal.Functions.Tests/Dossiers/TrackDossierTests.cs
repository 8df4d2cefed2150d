using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Functions.Tests.Dossiers;

[Collection(AppCollection.Name)]
public class TrackDossierTests(PortalAppFixture app)
{
    private Task<string> SubmitAsLan() => app.SubmitBirthRegistrationAsync(Citizens.Lan);

    [Fact]
    public async Task Owner_SeesStatusTimelineAndDocuments()
    {
        var code = await SubmitAsLan();
        using var client = await app.SignedInAsync(Citizens.Lan);
        var dossier = await client.GetFromJsonAsync<JsonElement>($"api/dossiers/{code}");
        Assert.Equal("Mới đăng ký", dossier.GetProperty("statusText").GetString());
        Assert.Equal(1, dossier.GetProperty("nationalStatusCode").GetInt32());
        Assert.Equal("Submitted", Assert.Single(dossier.GetProperty("timeline").EnumerateArray()).GetProperty("kind").GetString());
        var document = Assert.Single(dossier.GetProperty("documents").EnumerateArray());
        Assert.Equal(64, document.GetProperty("sha256").GetString()!.Length);
        Assert.Equal("application/pdf", document.GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task Owner_ListsOwnDossiers()
    {
        var code = await SubmitAsLan();
        using var client = await app.SignedInAsync(Citizens.Lan);
        var mine = await client.GetFromJsonAsync<JsonElement>("api/dossiers?pageSize=100");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), d => d.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task AnotherCitizen_IsForbidden()
    {
        var code = await SubmitAsLan();
        using var client = await app.SignedInAsync(Citizens.Minh);
        await ProblemAssert.IsProblem(await client.GetAsync($"api/dossiers/{code}"), HttpStatusCode.Forbidden);
        var mine = await client.GetFromJsonAsync<JsonElement>("api/dossiers?pageSize=100");
        Assert.DoesNotContain(mine.GetProperty("items").EnumerateArray(), d => d.GetProperty("code").GetString() == code);
    }

    private async Task<HttpResponseMessage> Track(string code, string? phone)
    {
        using var client = app.Client();
        return await client.PostAsJsonAsync("api/dossiers/track", new { code, phone });
    }

    [Theory]
    [InlineData("0912345678")]
    [InlineData("+84 912 345 678")]
    public async Task AnyoneWithCodeAndPhone_SeesTheStatus(string phone)
    {
        var code = await SubmitAsLan();
        var response = await Track(code, phone);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dossier = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, dossier.GetProperty("code").GetString());
        Assert.Equal("Mới đăng ký", dossier.GetProperty("statusText").GetString());
        Assert.Equal("Submitted", Assert.Single(dossier.GetProperty("timeline").EnumerateArray()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task TrackByPhone_ShowsStatusDatesAndTimelineOnly_NeverPersonalData()
    {
        var code = await SubmitAsLan();
        using var document = JsonDocument.Parse(await (await Track(code, "0912345678")).Content.ReadAsStringAsync());
        // Every string and name of the answer, unescaped (the API escapes non-ASCII letters).
        var body = string.Join("\n", JsonText.Strings(document.RootElement));
        Assert.Equal(
            ["agency", "appointmentDate", "appointmentNote", "appointmentProvisional", "code", "nationalStatusCode", "procedure", "resultIssued", "status", "statusText",
                "submittedAt", "supplementRequested", "timeline"],
            document.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        using var owner = await app.SignedInAsync(Citizens.Lan);
        var full = await owner.GetFromJsonAsync<JsonElement>($"api/dossiers/{code}");
        var fileName = full.GetProperty("documents")[0].GetProperty("fileName").GetString()!;
        foreach (var personal in SampleDossiers.PersonalValues.Append(fileName))
        {
            Assert.DoesNotContain(personal, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task TrackByPhone_MatchesTheCodeWhateverItsCase()
    {
        var code = await SubmitAsLan();
        var response = await Track("  " + code.ToLowerInvariant() + " ", "0912345678");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task WrongPhone_LooksExactlyLikeAnUnknownCode()
    {
        var code = await SubmitAsLan();
        var wrong = await ProblemAssert.IsProblem(await Track(code, "0987654321"), HttpStatusCode.NotFound);
        var unknown = await ProblemAssert.IsProblem(await Track($"{code[..^4]}9999", "0912345678"), HttpStatusCode.NotFound);
        Assert.Equal(unknown.GetProperty("detail").GetString(), wrong.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TrackWithoutPhone_AsksForThePhone()
    {
        var code = await SubmitAsLan();
        await ProblemAssert.HasFieldError(await Track(code, null), HttpStatusCode.BadRequest, "phone");
    }

    [Fact]
    public async Task FullView_ResultAndSlips_NeedTheApplicantsSignIn()
    {
        var code = await SubmitAsLan();
        using var client = app.Client();
        foreach (var path in new[] { "", "/result", "/notifications", "/control-slip" })
        {
            await ProblemAssert.IsProblem(await client.GetAsync($"api/dossiers/{code}{path}?phone=0912345678"), HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task MalformedCode_IsProblemOnCode() =>
        await ProblemAssert.HasFieldError(await Track("not-a-code", "0912345678"), HttpStatusCode.BadRequest, "code");

    [Fact]
    public async Task QrCode_IsAnSvgOfTheTrackingAddress()
    {
        var code = await SubmitAsLan();
        using var client = app.Client();
        var response = await client.GetAsync($"api/dossiers/{code}/qr.svg");
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await response.Content.ReadAsStringAsync());
    }
}
