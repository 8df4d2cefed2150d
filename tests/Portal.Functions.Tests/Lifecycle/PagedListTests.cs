using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Functions.Tests.Lifecycle;

/// <summary>The officer's inbox and the citizen's list are pages read from their projections, filtered and bounded by the server.</summary>
[Collection(AppCollection.Name)]
public class PagedListTests(PortalAppFixture app)
{
    private const string Hân = "vneid-dev-0004";
    private readonly DossierDriver _lifecycle = new(app);

    private static DateTimeOffset Due(JsonElement item) =>
        (item.TryGetProperty("dueAt", out var due) ? due : item.GetProperty("appointmentAt")).GetDateTimeOffset();

    [Fact]
    public async Task Inbox_PagedTwoAtATime_ListsEveryLineOnce_EarliestDueFirst()
    {
        var codes = new[] { await _lifecycle.SubmitAsync(), await _lifecycle.ReceivedAsync(), await _lifecycle.SubmitAsync() };
        using var desk = await app.SignedInAsync(Officers.Desk);

        var first = await desk.GetFromJsonAsync<JsonElement>("api/officer/inbox?role=all&pageSize=2");
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.String, first.GetProperty("next").ValueKind);
        var all = await DossierDriver.AllPagesAsync(desk, "api/officer/inbox?role=all&pageSize=2");

        var listed = all.Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.All(codes, c => Assert.Contains(c, listed));
        Assert.Equal(all.Select(Due).Order().ToList(), all.Select(Due).ToList());
    }

    [Fact]
    public async Task Inbox_Filters_AreAppliedByTheServer()
    {
        var received = await _lifecycle.ReceivedAsync();
        var submitted = await _lifecycle.SubmitAsync();
        using var specialist = await app.SignedInAsync(Officers.Specialist);
        using var desk = await app.SignedInAsync(Officers.Desk);

        var mine = await DossierDriver.AllPagesAsync(specialist, "api/officer/inbox?pageSize=100");
        Assert.Contains(mine, i => i.GetProperty("code").GetString() == received);
        Assert.DoesNotContain(mine, i => i.GetProperty("code").GetString() == submitted);
        Assert.All(mine, i => Assert.Equal("specialist", i.GetProperty("actingRole").GetString()));

        var byStatus = await DossierDriver.AllPagesAsync(desk, "api/officer/inbox?role=all&status=submitted&procedure=1.001193&pageSize=100");
        Assert.Contains(byStatus, i => i.GetProperty("code").GetString() == submitted);
        Assert.All(byStatus, i => Assert.Equal("submitted", i.GetProperty("status").GetString()));
        Assert.All(byStatus, i => Assert.Equal("1.001193", i.GetProperty("procedureCode").GetString()));

        var line = mine.Single(i => i.GetProperty("code").GetString() == received);
        var step = line.GetProperty("stepId").GetString();
        var due = Due(line);
        var window = await DossierDriver.AllPagesAsync(specialist,
            $"api/officer/inbox?step={step}&dueFrom={Uri.EscapeDataString(due.ToString("O"))}&dueTo={Uri.EscapeDataString(due.AddTicks(1).ToString("O"))}&pageSize=100");
        Assert.Contains(window, i => i.GetProperty("code").GetString() == received);
        Assert.All(window, i => Assert.Equal(due, Due(i)));
        Assert.All(window, i => Assert.Equal(step, i.GetProperty("stepId").GetString()));
    }

    [Theory]
    [InlineData("api/officer/inbox?pageSize=101", "pageSize")]
    [InlineData("api/officer/inbox?pageSize=0", "pageSize")]
    [InlineData("api/officer/inbox?pageSize=abc", "pageSize")]
    [InlineData("api/officer/inbox?next=not-a-cursor", "next")]
    [InlineData("api/officer/inbox?next=%3F%3F", "next")]
    [InlineData("api/officer/inbox?status=flying", "status")]
    [InlineData("api/officer/inbox?role=emperor", "role")]
    [InlineData("api/officer/inbox?dueFrom=yesterday", "dueFrom")]
    public async Task Inbox_BadPagingOrFilter_IsProblemNamingTheParameter(string path, string field)
    {
        using var desk = await app.SignedInAsync(Officers.Desk);
        await ProblemAssert.HasFieldError(await desk.GetAsync(path), HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("api/dossiers?pageSize=1000", "pageSize")]
    [InlineData("api/dossiers?next=eA", "next")]
    [InlineData("api/dossiers?status=1", "status")]
    public async Task CitizenList_BadPagingOrFilter_IsProblemNamingTheParameter(string path, string field)
    {
        using var citizen = await app.SignedInAsync(Citizens.Lan);
        await ProblemAssert.HasFieldError(await citizen.GetAsync(path), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task CitizenList_PagesThroughOwnDossiers_NewestFirst()
    {
        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add(await app.SubmitBirthRegistrationAsync(Hân));
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        using var citizen = await app.SignedInAsync(Hân);

        var first = await citizen.GetFromJsonAsync<JsonElement>("api/dossiers?pageSize=2");
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var all = await DossierDriver.AllPagesAsync(citizen, "api/dossiers?pageSize=2");

        var listed = all.Select(i => i.GetProperty("code").GetString()!).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(Enumerable.Reverse(codes).ToList(), listed.Where(codes.Contains).ToList());
        var submitted = all.Select(i => i.GetProperty("submittedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(submitted.OrderDescending().ToList(), submitted);
    }

    [Fact]
    public async Task CitizenList_FollowsTheDossier_AndShowsNoOneElsesDossiers()
    {
        var code = await _lifecycle.ReceivedAsync();
        using var lan = await app.SignedInAsync(Citizens.Lan);
        using var minh = await app.SignedInAsync(Citizens.Minh);

        var received = await DossierDriver.AllPagesAsync(lan, "api/dossiers?status=received&pageSize=100");
        Assert.Contains(received, i => i.GetProperty("code").GetString() == code);
        Assert.DoesNotContain(await DossierDriver.AllPagesAsync(minh, "api/dossiers?pageSize=100"), i => i.GetProperty("code").GetString() == code);
    }
}
