using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Functions.Tests.Forms;

[Collection(AppCollection.Name)]
public class DraftTests(PortalAppFixture app)
{
    private const string Procedure = "2.000815";

    [Fact]
    public async Task Draft_IsSavedAndResumed_ThenDeleted()
    {
        using var client = await app.SignedInAsync(Citizens.Minh);
        var saved = await client.PutAsJsonAsync($"api/drafts/{SampleDossiers.BirthRegistration}", new { data = new { child = new { fullName = "Trần Bảo" } } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var draft = await client.GetFromJsonAsync<JsonElement>($"api/drafts/{SampleDossiers.BirthRegistration}");
        Assert.Equal("Trần Bảo", draft.GetProperty("data").GetProperty("child").GetProperty("fullName").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"api/drafts/{SampleDossiers.BirthRegistration}")).StatusCode);
        await ProblemAssert.IsProblem(await client.GetAsync($"api/drafts/{SampleDossiers.BirthRegistration}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Drafts_AreEachCitizensOwn()
    {
        using var lan = await app.SignedInAsync(Citizens.Lan);
        using var minh = await app.SignedInAsync(Citizens.Minh);
        await lan.PutAsJsonAsync($"api/drafts/{Procedure}", new { data = new { note = "của Lan" } });
        await ProblemAssert.IsProblem(await minh.GetAsync($"api/drafts/{Procedure}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Draft_ThatIsNotAnObject_IsProblemOnData()
    {
        using var client = await app.SignedInAsync();
        await ProblemAssert.HasFieldError(await client.PutAsJsonAsync($"api/drafts/{Procedure}", new { data = 42 }), HttpStatusCode.BadRequest, "data");
    }

    [Fact]
    public async Task MalformedJson_IsProblemNotServerError()
    {
        using var client = await app.SignedInAsync();
        var response = await client.PutAsync($"api/drafts/{Procedure}", new StringContent("{\"data\": {", System.Text.Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UntouchedDraft_IsDeletedByTheTimerSweepAfter30Days()
    {
        using var client = await app.SignedInAsync(Citizens.Lan);
        const string procedure = "1.000894";
        await client.PutAsJsonAsync($"api/drafts/{procedure}", new { data = new { note = "sẽ hết hạn" } });
        app.Clock.Advance(TimeSpan.FromDays(31));
        // The local trigger host fires on the advanced clock; wait for its sweep to finish.
        using var fresh = await app.SignedInAsync(Citizens.Lan);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpStatusCode status;
        do
        {
            status = (await fresh.GetAsync($"api/drafts/{procedure}")).StatusCode;
            if (status == HttpStatusCode.NotFound) break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
