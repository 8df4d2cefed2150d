using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Functions.Tests.Identity;

[Collection(ExternalIssuerCollection.Name)]
public class ExternalIssuerTests(ExternalIssuerFixture idp)
{
    [Fact]
    public async Task CitizenToken_FromTheConfiguredIssuer_IsAccepted_AndItsClaimsMapped()
    {
        using var client = idp.Client(idp.CitizenToken("vneid-ext-0042", "Lê Văn Tư", "079088000042"));
        var me = await client.GetFromJsonAsync<JsonElement>("api/me");
        Assert.Equal("vneid-ext-0042", me.GetProperty("subject").GetString());
        Assert.Equal("Lê Văn Tư", me.GetProperty("fullName").GetString());
        Assert.Equal("079088000042", me.GetProperty("cccd").GetString());
    }

    [Fact]
    public async Task OfficerToken_WithAnAppRoleAndAgency_IsAnOfficer()
    {
        using var client = idp.Client(idp.OfficerToken(Officers.Desk, ["Desk"]));
        var me = await client.GetFromJsonAsync<JsonElement>("api/officer/me");
        Assert.Equal("000.00.72.H53", me.GetProperty("agencyCode").GetString());
        Assert.Equal("desk", Assert.Single(me.GetProperty("roles").EnumerateArray()).GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Portal.Superuser")]
    [InlineData("citizen")]
    [InlineData("System")]
    [InlineData("Citizen,System")]
    public async Task OfficerToken_WithoutAKnownOfficerRole_IsForbidden(string? roles)
    {
        using var client = idp.Client(idp.OfficerToken(Officers.Desk, roles?.Split(',', StringSplitOptions.RemoveEmptyEntries)));
        await ProblemAssert.IsProblem(await client.GetAsync("api/officer/me"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(await client.GetAsync("api/officer/inbox"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OfficerToken_WithoutAnAgency_IsForbidden()
    {
        using var client = idp.Client(idp.OfficerToken(Officers.Desk, ["Desk"], agency: null));
        await ProblemAssert.IsProblem(await client.GetAsync("api/officer/me"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ACitizenOnTheOfficerApi_AndAnOfficerOnTheCitizenApi_AreForbidden()
    {
        using var citizen = idp.Client(idp.CitizenToken(Citizens.Lan, "Nguyễn Thị Lan", "080190001234"));
        await ProblemAssert.IsProblem(await citizen.GetAsync("api/officer/me"), HttpStatusCode.Forbidden);
        using var officer = idp.Client(idp.OfficerToken(Officers.Desk, ["Desk"]));
        await ProblemAssert.IsProblem(await officer.GetAsync("api/me"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ATokenForAnotherAudience_IsUnauthorized()
    {
        var token = idp.Provider.Issue(ExternalIssuerFixture.Entra, "api://someone-else",
            new Dictionary<string, object> { ["sub"] = Officers.Desk, ["roles"] = new[] { "Desk" }, [ExternalIssuerFixture.AgencyClaim] = "000.00.72.H53" },
            now: idp.App.Clock.GetUtcNow().UtcDateTime);
        using var client = idp.Client(token);
        await ProblemAssert.IsProblem(await client.GetAsync("api/officer/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DevelopmentSignIn_IsNotOffered()
    {
        using var client = idp.Client();
        await ProblemAssert.IsProblem(await client.PostAsJsonAsync("api/auth/dev/token", new { subject = Citizens.Lan }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SigningKeyRotated_ATokenSignedWithTheNewKey_IsAccepted()
    {
        using (var before = idp.Client(idp.OfficerToken(Officers.Head, ["Head"])))
        {
            Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("api/officer/me")).StatusCode);
        }
        var fetches = idp.Provider.JwksFetches.GetValueOrDefault(ExternalIssuerFixture.Entra);
        idp.Provider.RotateKey(ExternalIssuerFixture.Entra);
        using var after = idp.Client(idp.OfficerToken(Officers.Head, ["Head"]));

        // The unknown kid makes JwtBearer's configuration manager fetch the JWKS again.
        var status = HttpStatusCode.Unauthorized;
        for (var attempt = 0; attempt < 20 && status != HttpStatusCode.OK; attempt++)
        {
            if (attempt > 0) await Task.Delay(500);
            status = (await after.GetAsync("api/officer/me")).StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(idp.Provider.JwksFetches[ExternalIssuerFixture.Entra] > fetches);
    }

    [Fact]
    public async Task RepeatedGuesses_FromOneClient_AreRateLimited_WithProblemJson()
    {
        async Task<HttpResponseMessage> Guess(string client, int n)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/dossiers/track")
            {
                Content = JsonContent.Create(new { code = $"000.00.72.H53-261123-{9000 + n}", phone = "0900000000" }),
            };
            request.Headers.Add("X-Forwarded-For", client);
            using var http = idp.Client();
            return await http.SendAsync(request);
        }
        for (var n = 0; n < ExternalIssuerFixture.TrackingPermits; n++)
        {
            await ProblemAssert.IsProblem(await Guess("203.0.113.7", n), HttpStatusCode.NotFound);
        }
        var refused = await Guess("203.0.113.7", 99);
        var problem = await ProblemAssert.IsProblem(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("quá nhiều lần", problem.GetProperty("title").GetString());
        // Another client is not held back by the first one's guesses.
        await ProblemAssert.IsProblem(await Guess("198.51.100.20", 0), HttpStatusCode.NotFound);
    }
}
