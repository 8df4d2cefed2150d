using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Functions.Tests.Lifecycle;

[Collection(AppCollection.Name)]
public class RefusedActionTests(PortalAppFixture app)
{
    private readonly DossierDriver _lifecycle = new(app);

    [Fact]
    public async Task EventNotAllowedNow_IsConflictWithTheCurrentState()
    {
        var code = await _lifecycle.SubmitAsync();
        var problem = await ProblemAssert.IsProblem(await _lifecycle.RaiseAsync(Officers.Head, code, "Approve"), HttpStatusCode.Conflict);
        var current = problem.GetProperty("current");
        Assert.Equal("Submitted", current.GetProperty("status").GetString());
        Assert.Contains(current.GetProperty("allowedEvents").EnumerateArray(), e => e.GetString() == "Receive");
    }

    [Fact]
    public async Task WrongRole_IsForbidden()
    {
        var code = await _lifecycle.SubmitAsync();
        var problem = await ProblemAssert.IsProblem(await _lifecycle.RaiseAsync(Officers.Specialist, code, "Receive"), HttpStatusCode.Forbidden);
        Assert.Contains("Desk", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OfficerOfAnotherAgency_IsForbidden_AndCannotSeeTheDossier()
    {
        var code = await _lifecycle.SubmitAsync();
        await ProblemAssert.IsProblem(await _lifecycle.RaiseAsync(Officers.OtherAgency, code, "Receive"), HttpStatusCode.Forbidden);
        using var other = await app.SignedInAsync(Officers.OtherAgency);
        await ProblemAssert.IsProblem(await other.GetAsync($"api/instances/{code}"), HttpStatusCode.Forbidden);
        var inbox = await DossierDriver.AllPagesAsync(other, "api/officer/inbox?role=all&pageSize=100");
        Assert.DoesNotContain(inbox, i => i.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task CitizenToken_CannotUseTheOfficerApi()
    {
        var code = await _lifecycle.SubmitAsync();
        using var citizen = await app.SignedInAsync(Citizens.Lan);
        await ProblemAssert.IsProblem(await citizen.PostAsync($"api/instances/{code}/raiseEvent/Receive", null), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("RefuseAtIntake")]
    [InlineData("RequestSupplement")]
    public async Task MissingReasonWhereTheLawNeedsOne_IsProblemOnReason(string eventName)
    {
        var code = await _lifecycle.SubmitAsync();
        await ProblemAssert.HasFieldError(await _lifecycle.RaiseAsync(Officers.Desk, code, eventName, new { missing = new[] { "x" } }), HttpStatusCode.BadRequest, "reason");
    }

    [Fact]
    public async Task SupplementRequestWithoutItems_IsProblemOnMissing()
    {
        var code = await _lifecycle.SubmitAsync();
        await ProblemAssert.HasFieldError(await _lifecycle.RaiseAsync(Officers.Desk, code, "RequestSupplement", new { reason = "Thiếu giấy tờ" }),
            HttpStatusCode.BadRequest, "missing");
    }

    [Fact]
    public async Task StaleVersion_IsConflictAndChangesNothing()
    {
        var code = await _lifecycle.SubmitAsync();
        var problem = await ProblemAssert.IsProblem(await _lifecycle.RaiseAsync(Officers.Desk, code, "Receive", new { expectedVersion = 0 }), HttpStatusCode.Conflict);
        Assert.Equal(1, problem.GetProperty("current").GetProperty("version").GetInt32());
        Assert.Equal("submitted", (await _lifecycle.StatusAsync(code)).GetProperty("customStatus").GetProperty("status").GetString());
    }

    [Fact]
    public async Task TwoOfficersAtOnce_ExactlyOneWins_TheOtherGetsConflict()
    {
        var code = await _lifecycle.ReceivedAsync();
        var responses = await Task.WhenAll(
            _lifecycle.RaiseAsync(Officers.Specialist, code, "Forward", new { expectedVersion = 2 }),
            _lifecycle.RaiseAsync(Officers.Specialist, code, "RequestSupplement", new { expectedVersion = 2, reason = "Thiếu", missing = new[] { "Bản sao CCCD" } }));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.Accepted);
        await ProblemAssert.IsProblem(loser, HttpStatusCode.Conflict);
        var history = (await _lifecycle.StatusAsync(code)).GetProperty("historyEvents").EnumerateArray().ToList();
        Assert.Equal(3, history.Count);
    }

    [Fact]
    public async Task RacingWithoutVersions_StillAppliesOnlyOneOfTwoExclusiveEvents()
    {
        var code = await _lifecycle.SubmitAsync();
        var responses = await Task.WhenAll(
            _lifecycle.RaiseAsync(Officers.Desk, code, "Receive"),
            _lifecycle.RaiseAsync(Officers.Desk, code, "RefuseAtIntake", new { reason = "Không thuộc thẩm quyền" }));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ResultThatIsNotAPdf_IsRefusedAndNothingChanges()
    {
        var code = await ApprovedAsync();
        await ProblemAssert.HasFieldError(await _lifecycle.IssueResultAsync(code, [0x50, 0x4B, 0x03, 0x04]), HttpStatusCode.BadRequest, "file");
        Assert.Equal("approved", (await _lifecycle.StatusAsync(code)).GetProperty("customStatus").GetProperty("status").GetString());
    }

    [Fact]
    public async Task OversizedResult_IsTooLarge()
    {
        var code = await ApprovedAsync();
        var big = new byte[21 * 1024 * 1024];
        SampleDossiers.Pdf().CopyTo(big, 0);
        await ProblemAssert.IsProblem(await _lifecycle.IssueResultAsync(code, big), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task UnknownEventName_IsProblemListingTheEvents()
    {
        var code = await _lifecycle.SubmitAsync();
        var messages = await ProblemAssert.HasFieldError(await _lifecycle.RaiseAsync(Officers.Desk, code, "Teleport"), HttpStatusCode.BadRequest, "eventName");
        Assert.Contains("Receive", messages[0]);
    }

    [Fact]
    public async Task UnknownDossier_IsNotFound() =>
        await ProblemAssert.IsProblem(await _lifecycle.RaiseAsync(Officers.Desk, "000.00.72.H53-261123-9999", "Receive"), HttpStatusCode.NotFound);

    private async Task<string> ApprovedAsync()
    {
        var code = await _lifecycle.ReceivedAsync();
        await _lifecycle.AcceptedAsync(Officers.Specialist, code, "Forward");
        await _lifecycle.AcceptedAsync(Officers.Head, code, "Approve");
        return code;
    }
}
