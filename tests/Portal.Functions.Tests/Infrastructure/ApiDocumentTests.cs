using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Functions.Tests.Infrastructure;

[Collection(AppCollection.Name)]
public class ApiDocumentTests(PortalAppFixture app)
{
    [Fact]
    public async Task OpenApiDocument_DescribesTheCitizenApi()
    {
        using var client = app.Client();
        var document = await client.GetFromJsonAsync<JsonElement>("openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/catalogue/procedures", "/api/dossiers", "/api/dossiers/{code}", "/api/drafts/{procedureCode}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from the OpenAPI document");
        }
    }

    [Fact]
    public async Task OpenApiDocument_HasARealTitleAndVersion()
    {
        using var client = app.Client();
        var info = (await client.GetFromJsonAsync<JsonElement>("openapi/v1.json")).GetProperty("info");
        Assert.Contains("Cổng Dịch vụ công", info.GetProperty("title").GetString());
        Assert.Contains("Public Service Portal API", info.GetProperty("title").GetString());
        Assert.Equal("1.0", info.GetProperty("version").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_DeclaresBothBearerSchemes_OnTheEndpointsThatNeedThem()
    {
        using var client = app.Client();
        var document = await client.GetFromJsonAsync<JsonElement>("openapi/v1.json");
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        foreach (var name in new[] { "VNeID", "EntraID" })
        {
            var scheme = schemes.GetProperty(name);
            Assert.Equal("http", scheme.GetProperty("type").GetString());
            Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
            Assert.Equal("JWT", scheme.GetProperty("bearerFormat").GetString());
        }
        static string[] Required(JsonElement document, string path, string method) =>
            document.GetProperty("paths").GetProperty(path).GetProperty(method).TryGetProperty("security", out var security)
                ? security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToArray()
                : [];
        Assert.Equal(["VNeID"], Required(document, "/api/dossiers", "post"));
        Assert.Equal(["VNeID"], Required(document, "/api/dossiers/{code}", "get"));
        Assert.Equal(["VNeID"], Required(document, "/api/me", "get"));
        Assert.Equal(["EntraID"], Required(document, "/api/instances/{code}/raiseEvent/{eventName}", "post"));
        Assert.Equal(["EntraID"], Required(document, "/api/officer/inbox", "get"));
        Assert.Empty(Required(document, "/api/dossiers/track", "post"));
        Assert.Empty(Required(document, "/api/catalogue/procedures", "get"));
    }

    [Fact]
    public async Task ApiExplorer_IsServed()
    {
        using var client = app.Client();
        var response = await client.GetAsync("api-explorer/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnknownApiRoute_IsNotFoundProblem()
    {
        using var client = app.Client();
        await ProblemAssert.IsProblem(await client.GetAsync("api/nothing-here"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheSite_IsServedFromWeb()
    {
        using var client = app.Client();
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
