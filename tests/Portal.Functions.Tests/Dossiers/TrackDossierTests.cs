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
        var mine = await client.GetFromJsonAsync<JsonElement>("api/dossiers");
        Assert.Contains(mine.EnumerateArray(), d => d.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task AnotherCitizen_IsForbidden()
    {
        var code = await SubmitAsLan();
        using var client = await app.SignedInAsync(Citizens.Minh);
        await ProblemAssert.IsProblem(await client.GetAsync($"api/dossiers/{code}"), HttpStatusCode.Forbidden);
        var mine = await client.GetFromJsonAsync<JsonElement>("api/dossiers");
        Assert.DoesNotContain(mine.EnumerateArray(), d => d.GetProperty("code").GetString() == code);
    }

    [Theory]
    [InlineData("0912345678")]
    [InlineData("+84 912 345 678")]
    public async Task AnyoneWithCodeAndPhone_SeesTheDossier(string phone)
    {
        var code = await SubmitAsLan();
        using var client = app.Client();
        var dossier = await client.GetFromJsonAsync<JsonElement>($"api/dossiers/{code}?phone={Uri.EscapeDataString(phone)}");
        Assert.Equal(code, dossier.GetProperty("code").GetString());
    }

    [Fact]
    public async Task WrongPhone_LooksExactlyLikeAnUnknownCode()
    {
        var code = await SubmitAsLan();
        using var client = app.Client();
        var wrong = await ProblemAssert.IsProblem(await client.GetAsync($"api/dossiers/{code}?phone=0987654321"), HttpStatusCode.NotFound);
        var unknown = await ProblemAssert.IsProblem(await client.GetAsync($"api/dossiers/{code[..^4]}9999?phone=0912345678"), HttpStatusCode.NotFound);
        Assert.Equal(unknown.GetProperty("detail").GetString(), wrong.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task WithoutSignInOrPhone_AsksForThePhone()
    {
        var code = await SubmitAsLan();
        using var client = app.Client();
        await ProblemAssert.HasFieldError(await client.GetAsync($"api/dossiers/{code}"), HttpStatusCode.BadRequest, "phone");
    }

    [Fact]
    public async Task MalformedCode_IsProblemOnCode()
    {
        using var client = app.Client();
        await ProblemAssert.HasFieldError(await client.GetAsync("api/dossiers/not-a-code?phone=0912345678"), HttpStatusCode.BadRequest, "code");
    }

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
