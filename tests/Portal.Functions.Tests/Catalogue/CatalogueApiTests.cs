using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Functions.Tests.Catalogue;

[Collection(AppCollection.Name)]
public class CatalogueApiTests(PortalAppFixture app)
{
    private async Task<JsonElement> Search(string query)
    {
        using var client = app.Client();
        return await client.GetFromJsonAsync<JsonElement>($"api/catalogue/procedures?{query}");
    }

    [Theory]
    [InlineData("khai%20sinh")]
    [InlineData("Khai%20sinh")]
    [InlineData("%C4%91%C4%83ng%20k%C3%BD%20khai%20sinh")]
    public async Task Search_WithOrWithoutDiacritics_FindsBirthRegistrationFirst(string q)
    {
        var result = await Search($"q={q}");
        Assert.Equal(SampleDossiers.BirthRegistration, result.GetProperty("items")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Search_ByLevel_ReturnsOnlyThatLevel()
    {
        var result = await Search("level=province&pageSize=100");
        Assert.True(result.GetProperty("total").GetInt32() > 0);
        Assert.All(result.GetProperty("items").EnumerateArray(), p => Assert.Equal("province", p.GetProperty("level").GetString()));
    }

    [Fact]
    public async Task Search_WithUnknownLevel_IsProblemNamingTheParameter()
    {
        using var client = app.Client();
        var messages = await ProblemAssert.HasFieldError(await client.GetAsync("api/catalogue/procedures?level=planet"), HttpStatusCode.BadRequest, "level");
        Assert.Contains("planet", messages[0]);
    }

    [Fact]
    public async Task Detail_HasEverythingACitizenNeedsBeforeApplying()
    {
        using var client = app.Client();
        var p = await client.GetFromJsonAsync<JsonElement>($"api/catalogue/procedures/{SampleDossiers.BirthRegistration}");
        Assert.EndsWith("đăng ký khai sinh", p.GetProperty("name").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(p.GetProperty("requiredDocuments").EnumerateArray());
        Assert.NotEmpty(p.GetProperty("legalBasis").EnumerateArray());
        Assert.NotEmpty(p.GetProperty("faq").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(p.GetProperty("processingTime").GetProperty("text").GetString()));
        Assert.Equal("object", p.GetProperty("form").GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(p.GetProperty("agency").GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Detail_OfUnknownProcedure_IsNotFoundProblem()
    {
        using var client = app.Client();
        await ProblemAssert.IsProblem(await client.GetAsync("api/catalogue/procedures/9.999999"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Facets_OfferLevelsFieldsAgenciesAndModes()
    {
        using var client = app.Client();
        var facets = await client.GetFromJsonAsync<JsonElement>("api/catalogue/facets");
        foreach (var name in new[] { "levels", "fields", "agencies", "onlineModes" }) Assert.NotEmpty(facets.GetProperty(name).EnumerateArray());
    }

    [Fact]
    public async Task Addresses_Have34ProvincesAndTheWardsOfTayNinh()
    {
        using var client = app.Client();
        var provinces = await client.GetFromJsonAsync<JsonElement>("api/address/provinces");
        Assert.Equal(34, provinces.GetArrayLength());
        var wards = await client.GetFromJsonAsync<JsonElement>("api/address/provinces/80/wards");
        Assert.Contains(wards.EnumerateArray(), w => w.GetProperty("name").GetString() == "Phường Tân An");
        await ProblemAssert.IsProblem(await client.GetAsync("api/address/provinces/00/wards"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Catalogue_HasAtLeast25ProceduresAtProvinceAndCommuneLevel_EachWithAnEForm()
    {
        var all = await Search("pageSize=100");
        Assert.True(all.GetProperty("total").GetInt32() >= 25);
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, p => p.GetProperty("level").GetString() == "province");
        Assert.Contains(items, p => p.GetProperty("level").GetString() == "commune");
        Assert.Contains(items, p => p.GetProperty("onlineMode").GetString() == "full");
        Assert.Contains(items, p => p.GetProperty("onlineMode").GetString() == "partial");
        using var client = app.Client();
        foreach (var code in items.Select(p => p.GetProperty("code").GetString()))
        {
            var detail = await client.GetFromJsonAsync<JsonElement>($"api/catalogue/procedures/{code}");
            Assert.True(detail.GetProperty("form").GetProperty("properties").TryGetProperty("applicant", out _), $"{code} has no applicant section");
        }
    }
}
