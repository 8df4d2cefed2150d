using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Functions.Tests.Lifecycle;

/// <summary>Drives dossiers through the API as the people involved would.</summary>
public sealed class DossierDriver(PortalAppFixture app)
{
    /// <summary>Citizen Lan submits a birth registration; returns its code.</summary>
    public Task<string> SubmitAsync() => app.SubmitBirthRegistrationAsync(Citizens.Lan);

    /// <summary>An officer raises an event with a JSON body.</summary>
    public async Task<HttpResponseMessage> RaiseAsync(string officer, string code, string eventName, object? body = null)
    {
        using var client = await app.SignedInAsync(officer);
        return await client.PostAsync($"api/instances/{Uri.EscapeDataString(code)}/raiseEvent/{eventName}",
            body is null ? null : JsonContent.Create(body));
    }

    /// <summary>Raises an event that must be accepted; returns the instance status.</summary>
    public async Task<JsonElement> AcceptedAsync(string officer, string code, string eventName, object? body = null)
    {
        var response = await RaiseAsync(officer, code, eventName, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{eventName}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>The leader uploads a signed result PDF.</summary>
    public async Task<HttpResponseMessage> IssueResultAsync(string code, byte[] pdf, string officer = Officers.Leader)
    {
        using var client = await app.SignedInAsync(officer);
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "ket-qua.pdf");
        return await client.PostAsync($"api/instances/{Uri.EscapeDataString(code)}/raiseEvent/IssueResult", content);
    }

    /// <summary>The instance status with history, as an officer of the agency sees it.</summary>
    public async Task<JsonElement> StatusAsync(string code)
    {
        using var client = await app.SignedInAsync(Officers.Desk);
        var response = await client.GetAsync($"api/instances/{Uri.EscapeDataString(code)}?showHistory=true");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>A received dossier, at the specialist's step.</summary>
    public async Task<string> ReceivedAsync()
    {
        var code = await SubmitAsync();
        await AcceptedAsync(Officers.Desk, code, "Receive");
        return code;
    }

    /// <summary>Moves the app's clock to 09:00 of the next working day.</summary>
    public void MoveToNextWorkingMorning() => app.MoveToNextWorkingMorning();

    /// <summary>Every item of a paged list (the inbox, the citizen's list), following the <c>next</c> cursor page by page.</summary>
    public static async Task<List<JsonElement>> AllPagesAsync(HttpClient client, string path)
    {
        var items = new List<JsonElement>();
        string? next = null;
        var separator = path.Contains('?') ? '&' : '?';
        for (var pages = 0; pages < 1000; pages++)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(next is null ? path : $"{path}{separator}next={Uri.EscapeDataString(next)}");
            items.AddRange(page.GetProperty("items").EnumerateArray());
            if (!page.TryGetProperty("next", out var n) || n.ValueKind != JsonValueKind.String) return items;
            next = n.GetString();
        }
        throw new InvalidOperationException("More than 1000 pages.");
    }

    /// <summary>Runs a timer sweep now, as the local trigger host does.</summary>
    public Task SweepAsync() => app.RunTimerSweepAsync();
}
