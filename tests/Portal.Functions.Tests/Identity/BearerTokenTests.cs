using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Portal.Testing;

namespace Portal.Functions.Tests.Identity;

[Collection(AppCollection.Name)]
public class BearerTokenTests(PortalAppFixture app)
{
    private async Task<HttpResponseMessage> Me(string token)
    {
        using var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("api/me");
    }

    [Fact]
    public async Task DevSignIn_ListsSeededCitizens_AndTheTokenGivesTheirProfile()
    {
        using var anonymous = app.Client();
        var citizens = await anonymous.GetFromJsonAsync<JsonElement>("api/auth/dev/citizens");
        Assert.Contains(citizens.EnumerateArray(), c => c.GetProperty("subject").GetString() == Citizens.Lan);
        using var client = await app.SignedInAsync(Citizens.Lan);
        var me = await client.GetFromJsonAsync<JsonElement>("api/me");
        Assert.Equal("Nguyễn Thị Lan", me.GetProperty("fullName").GetString());
        Assert.Equal("080190001234", me.GetProperty("cccd").GetString());
        Assert.Equal("27712", me.GetProperty("address").GetProperty("ward").GetString());
    }

    [Fact]
    public async Task DevSignIn_ForUnknownPerson_IsProblemOnSubject()
    {
        using var client = app.Client();
        await ProblemAssert.HasFieldError(await client.PostAsJsonAsync("api/auth/dev/token", new { subject = "nobody" }), HttpStatusCode.BadRequest, "subject");
    }

    [Fact]
    public async Task NoToken_IsUnauthorizedProblem() =>
        await ProblemAssert.IsProblem(await app.Client().GetAsync("api/me"), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task TokenSignedByAnotherKey_IsRefused()
    {
        using var rsa = RSA.Create(2048);
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "urn:portal:dev-vneid",
            Audience = "urn:portal:api",
            Claims = new Dictionary<string, object> { ["sub"] = Citizens.Lan, ["name"] = "Giả mạo" },
            Expires = DateTime.UtcNow.AddYears(5),
            NotBefore = DateTime.UtcNow.AddYears(-5),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256),
        });
        var problem = await ProblemAssert.IsProblem(await Me(forged), HttpStatusCode.Unauthorized);
        Assert.Contains("không hợp lệ", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TamperedToken_IsRefused()
    {
        var token = await app.TokenAsync(Citizens.Lan);
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace(Citizens.Lan, Citizens.Minh);
        await ProblemAssert.IsProblem(await Me($"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ExpiredToken_IsRefusedSayingSignInAgain()
    {
        var token = await app.TokenAsync(Citizens.Lan);
        app.Clock.Advance(TimeSpan.FromHours(9));
        var problem = await ProblemAssert.IsProblem(await Me(token), HttpStatusCode.Unauthorized);
        Assert.Contains("hết hạn", problem.GetProperty("detail").GetString());
    }
}
