using System.Net;
using System.Text.Json;

namespace Portal.Functions.Tests;

/// <summary>Checks an error answer is problem+json with the expected status and field errors.</summary>
public static class ProblemAssert
{
    /// <summary>Asserts the status and content type; returns the parsed problem.</summary>
    public static async Task<JsonElement> IsProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>Asserts a problem names a field in its errors; returns that field's messages.</summary>
    public static async Task<string[]> HasFieldError(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var problem = await IsProblem(response, status);
        Assert.True(problem.TryGetProperty("errors", out var errors), $"No errors in {problem}");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}' in {errors}");
        return messages.EnumerateArray().Select(m => m.GetString()!).ToArray();
    }
}
