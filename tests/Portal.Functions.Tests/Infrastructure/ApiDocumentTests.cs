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
