using System.Net;
using System.Net.Http.Json;
using Portal.Testing;

namespace Portal.Functions.Tests.Forms;

[Collection(AppCollection.Name)]
public class ValidateFormTests(PortalAppFixture app)
{
    [Fact]
    public async Task ValidAnswers_AreValid()
    {
        using var client = app.Client();
        var response = await client.PostAsJsonAsync($"api/forms/{SampleDossiers.BirthRegistration}/validate", SampleDossiers.BirthRegistrationForm());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WardOutsideTheProvince_IsRefusedOnTheWardField()
    {
        var form = SampleDossiers.BirthRegistrationForm();
        form["applicant"]!["address"]!["ward"] = "00004"; // a ward of Hà Nội, not of Tây Ninh
        using var client = app.Client();
        var response = await client.PostAsJsonAsync($"api/forms/{SampleDossiers.BirthRegistration}/validate", form);
        await ProblemAssert.HasFieldError(response, HttpStatusCode.BadRequest, "applicant.address.ward");
    }
}
