using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Functions.Dossiers;
using Portal.Testing;

namespace Portal.Functions.Tests.Dossiers;

[Collection(AppCollection.Name)]
public partial class SubmitDossierTests(PortalAppFixture app)
{
    private static string NewKey() => Guid.NewGuid().ToString("N");

    private static async Task<HttpResponseMessage> Submit(HttpClient client, HttpContent content, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/dossiers") { Content = content };
        request.Headers.Add("Idempotency-Key", key ?? NewKey());
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task ValidSubmission_GetsCodeAndAppointmentDate()
    {
        using var client = await app.SignedInAsync();
        var response = await Submit(client, SampleDossiers.BirthRegistrationSubmission());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var code = body.GetProperty("code").GetString()!;
        Assert.Matches(CodePattern(), code);
        Assert.Equal($"/api/dossiers/{code}", response.Headers.Location?.OriginalString);
        // Birth registration: same day, or the next working day after 15:00; submitted Monday 09:00.
        var appointment = body.GetProperty("appointmentDate").GetDateTimeOffset();
        Assert.True(appointment > PortalAppFixture.Start);
        Assert.Equal(TimeSpan.FromHours(7), appointment.Offset);
        Assert.Equal("submitted", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task RetriedSubmission_WithSameKey_CreatesOneDossier()
    {
        using var client = await app.SignedInAsync();
        var key = NewKey();
        var first = await (await Submit(client, SampleDossiers.BirthRegistrationSubmission(), key)).Content.ReadFromJsonAsync<JsonElement>();
        var second = await Submit(client, SampleDossiers.BirthRegistrationSubmission(), key);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var again = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.GetProperty("code").GetString(), again.GetProperty("code").GetString());
        var history = await app.Services.GetRequiredService<DossierStore>().HistoryAsync(first.GetProperty("code").GetString()!, default);
        Assert.Single(history);
    }

    [Fact]
    public async Task SameKey_WithDifferentContent_IsConflict()
    {
        using var client = await app.SignedInAsync();
        var key = NewKey();
        Assert.Equal(HttpStatusCode.Created, (await Submit(client, SampleDossiers.BirthRegistrationSubmission(), key)).StatusCode);
        var changed = SampleDossiers.BirthRegistrationForm();
        changed["child"]!["fullName"] = "Trần Minh Khang";
        await ProblemAssert.IsProblem(await Submit(client, SampleDossiers.BirthRegistrationSubmission(changed), key), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ParallelSubmissions_NeverShareACode()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.SignedInAsync()));
        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Submit(clients[i % 4], SampleDossiers.BirthRegistrationSubmission())));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var codes = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!));
        Assert.Equal(codes.Length, codes.Distinct().Count());
        foreach (var c in clients) c.Dispose();
    }

    [Fact]
    public async Task InvalidAnswers_AreKeyedByFieldAndNothingIsWritten()
    {
        using var client = await app.SignedInAsync();
        var form = SampleDossiers.BirthRegistrationForm();
        form["applicant"]!["cccd"] = "12345";
        form["applicant"]!["phone"] = "0212345678";
        form["fatherKnown"] = true; // then the father's details are required
        var key = NewKey();
        var response = await Submit(client, SampleDossiers.BirthRegistrationSubmission(form), key);
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("applicant.cccd", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("applicant.phone", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("father", out _), errors.ToString());
        Assert.Null(await app.Services.GetRequiredService<SubmissionLedger>().FindAsync(Citizens.Lan, key, default));
    }

    [Fact]
    public async Task NulInAName_UnknownFieldAndFutureBirthDate_AreRefusedByFieldAndNothingIsStored()
    {
        using var client = await app.SignedInAsync();
        var form = SampleDossiers.BirthRegistrationForm();
        form["applicant"]!["fullName"] = "Nguyễn Thị\u0000Lan";
        form["applicant"]!["nickname"] = "Lan";
        form["child"]!["dateOfBirth"] = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var key = NewKey();
        var response = await Submit(client, SampleDossiers.BirthRegistrationSubmission(form), key);
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("ký tự điều khiển", errors.GetProperty("applicant.fullName")[0].GetString());
        Assert.Contains("nickname", errors.GetProperty("applicant.nickname")[0].GetString());
        Assert.Contains("sau ngày hôm nay", errors.GetProperty("child.dateOfBirth")[0].GetString());
        Assert.Null(await app.Services.GetRequiredService<SubmissionLedger>().FindAsync(Citizens.Lan, key, default));
    }

    [Fact]
    public async Task MissingMandatoryDocument_IsKeyedByDocument()
    {
        using var client = await app.SignedInAsync();
        var content = SampleDossiers.Submission(SampleDossiers.BirthRegistration, SampleDossiers.BirthRegistrationForm());
        await ProblemAssert.HasFieldError(await Submit(client, content), HttpStatusCode.BadRequest, "documents.giay-chung-sinh");
    }

    [Fact]
    public async Task FileOfWrongType_IsRefusedWhateverItsName()
    {
        using var client = await app.SignedInAsync();
        var exe = new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03 };
        var content = SampleDossiers.Submission(SampleDossiers.BirthRegistration, SampleDossiers.BirthRegistrationForm(), ("giay-chung-sinh", "giay.pdf", exe));
        var messages = await ProblemAssert.HasFieldError(await Submit(client, content), HttpStatusCode.BadRequest, "documents.giay-chung-sinh");
        Assert.Contains("PDF", messages[0]);
    }

    [Fact]
    public async Task OversizedFile_IsRefusedWithTheLimit()
    {
        using var client = await app.SignedInAsync();
        var big = new byte[11 * 1024 * 1024];
        SampleDossiers.Pdf().CopyTo(big, 0);
        var content = SampleDossiers.Submission(SampleDossiers.BirthRegistration, SampleDossiers.BirthRegistrationForm(), ("giay-chung-sinh", "big.pdf", big));
        var messages = await ProblemAssert.HasFieldError(await Submit(client, content), HttpStatusCode.BadRequest, "documents.giay-chung-sinh");
        Assert.Contains("10 MB", messages[0]);
    }

    [Fact]
    public async Task FileForUnknownDocument_IsRefused()
    {
        using var client = await app.SignedInAsync();
        var content = SampleDossiers.Submission(SampleDossiers.BirthRegistration, SampleDossiers.BirthRegistrationForm(),
            ("giay-chung-sinh", "a.pdf", SampleDossiers.Pdf()), ("../../etc/passwd", "x.pdf", SampleDossiers.Pdf()));
        await ProblemAssert.HasFieldError(await Submit(client, content), HttpStatusCode.BadRequest, "documents.../../etc/passwd");
    }

    [Fact]
    public async Task MalformedFormJson_IsProblemOnForm()
    {
        using var client = await app.SignedInAsync();
        var content = new MultipartFormDataContent { { new StringContent(SampleDossiers.BirthRegistration), "procedureCode" }, { new StringContent("{\"applicant\": "), "form" } };
        await ProblemAssert.HasFieldError(await Submit(client, content), HttpStatusCode.BadRequest, "form");
    }

    [Fact]
    public async Task UnknownProcedure_IsProblemOnProcedureCode()
    {
        using var client = await app.SignedInAsync();
        var content = SampleDossiers.Submission("9.999999", SampleDossiers.BirthRegistrationForm());
        await ProblemAssert.HasFieldError(await Submit(client, content), HttpStatusCode.BadRequest, "procedureCode");
    }

    [Fact]
    public async Task MissingIdempotencyKey_IsProblemOnTheHeader()
    {
        using var client = await app.SignedInAsync();
        var response = await client.PostAsync("api/dossiers", SampleDossiers.BirthRegistrationSubmission());
        await ProblemAssert.HasFieldError(response, HttpStatusCode.BadRequest, "Idempotency-Key");
    }

    [Fact]
    public async Task JsonInsteadOfMultipart_IsUnsupportedMediaType()
    {
        using var client = await app.SignedInAsync();
        await ProblemAssert.IsProblem(await Submit(client, JsonContent.Create(new { procedureCode = "1.001193" })), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task WithoutSignIn_IsUnauthorizedProblem()
    {
        using var client = app.Client();
        await ProblemAssert.IsProblem(await Submit(client, SampleDossiers.BirthRegistrationSubmission()), HttpStatusCode.Unauthorized);
    }

    [GeneratedRegex(@"^[0-9A-Z.]+-\d{6}-\d{4}$")]
    private static partial Regex CodePattern();
}
