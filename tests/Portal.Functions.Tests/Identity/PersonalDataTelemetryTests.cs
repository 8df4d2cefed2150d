using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Functions.Tests.Identity;

[Collection(ExternalIssuerCollection.Name)]
public class PersonalDataTelemetryTests(ExternalIssuerFixture idp)
{
    private static string Describe(Activity a) => string.Join(" | ",
        new[] { a.Source.Name, a.OperationName, a.DisplayName, a.StatusDescription ?? "" }
            .Concat(a.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(a.Baggage.Select(b => $"{b.Key}={b.Value}"))
            .Concat(a.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}"))));

    [Fact]
    public async Task AFullJourney_LeavesNoPersonalDataInLogsOrTraces()
    {
        // Sign-in (VNeID token with the seeded citizen's name and CCCD), profile, submission, look-up by phone, an officer's action.
        var citizenToken = idp.CitizenToken(Citizens.Lan, "Nguyễn Thị Lan", "080190001234");
        using var citizen = idp.Client(citizenToken);
        var me = await citizen.GetFromJsonAsync<JsonElement>("api/me");
        Assert.Equal("080190001234", me.GetProperty("cccd").GetString());

        using var submit = new HttpRequestMessage(HttpMethod.Post, "api/dossiers") { Content = SampleDossiers.BirthRegistrationSubmission() };
        submit.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var submitted = await citizen.SendAsync(submit);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var code = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

        using var anonymous = idp.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("api/dossiers/track", new { code, phone = "0912 345 678" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync("api/dossiers/track", new { code, phone = "0987654321" })).StatusCode);

        var officerToken = idp.OfficerToken(Officers.Desk, ["Desk"]);
        using var officer = idp.Client(officerToken);
        var received = await officer.PostAsync($"api/instances/{Uri.EscapeDataString(code)}/raiseEvent/Receive", null);
        Assert.Equal(HttpStatusCode.Accepted, received.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync($"api/dossiers/{code}")).StatusCode);
        await Task.Delay(500); // let the last server spans stop

        var logs = idp.Logs.Entries.ToList();
        var activities = idp.Activities.ToList();
        // The capture worked: requests, our own spans, and trace-level logs of the journey are there.
        Assert.Contains(activities, a => a.Source.Name == "Portal" && a.DisplayName == "Submit dossier");
        Assert.Contains(activities, a => a.Source.Name == "Portal" && a.DisplayName == "Officer action");
        Assert.Contains(activities, a => a.Source.Name == "Portal" && a.DisplayName == "Track dossier");
        Assert.Contains(activities, a => a.Source.Name == "Microsoft.AspNetCore" && a.GetTagItem("url.path") is "/api/dossiers/track");
        // Storage calls are traced by the Azure SDKs themselves (tables and blobs), and checked for personal data below.
        Assert.Contains(activities, a => a.Source.Name.StartsWith("Azure.Data.Tables", StringComparison.Ordinal));
        Assert.Contains(activities, a => a.Source.Name.StartsWith("Azure.Storage.Blobs", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.StartsWith("Trace ") || l.StartsWith("Debug "));
        Assert.Contains(logs, l => l.Contains("/api/dossiers/track"));

        var secrets = SampleDossiers.PersonalValues.Concat([citizenToken, officerToken, citizenToken.Split('.')[2], officerToken.Split('.')[2]]);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(logs, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(activities.Select(Describe), a => a.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}
