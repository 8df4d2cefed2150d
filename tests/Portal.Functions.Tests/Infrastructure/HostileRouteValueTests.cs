using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Xunit.Abstractions;

namespace Portal.Functions.Tests.Infrastructure;

/// <summary>
/// Every mapped route, every route parameter, hostile values, as anonymous, citizen and officer: never 5xx, and every 4xx
/// the app answers is problem+json. The routes come from the app's own endpoint table, so a new route is covered at once.
/// </summary>
[Collection(AppCollection.Name)]
public class HostileRouteValueTests(PortalAppFixture app, ITestOutputHelper output)
{
    /// <summary>Already percent-encoded, as they go into the path.</summary>
    public static readonly string[] Hostile =
    [
        "%3F", "a%3Fb", "%23", "a%23b", "%5C", "a%5Cb", "%2F", "a%2Fb", "%00", "a%00b", "%01", "%1F", "%7F", "%C2%85", "a%0Ab", "%0D%0A",
        new string('a', 513), new string('1', 2000), "%E1%BB%87", "%F0%9F%98%80", "%ED%A0%80", "%FF", "%20", "%20%20", "%09", "%25", "%2525",
        "null", "%27", "%27%20or%20PartitionKey%20ne%20%27", "*", "000.00.72.H53-261123-0001%0A", "000.00.72.H53-261399-0001", "%C3%BF" + new string('z', 600),
    ];

    private string _code = "";

    private string Sample(string parameter) => parameter switch
    {
        // A real dossier of the citizen and the officer's agency, so the other parameters reach as deep as they can.
        "code" => _code,
        "procedureCode" => "1.001193",
        "sha256" => new string('0', 64),
        "eventName" => "Receive",
        "documentName" => "v1",
        _ => "x",
    };

    [Fact]
    public async Task EveryRouteParameter_WithHostileValues_IsNever5xx_AndEvery4xxIsProblemJson()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count > 0)
            .ToList();
        _code = await app.SubmitBirthRegistrationAsync(Citizens.Lan);
        Assert.True(endpoints.Count >= 15, $"only {endpoints.Count} routes with parameters found");
        var clients = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = app.Client(),
            ["citizen"] = await app.SignedInAsync(Citizens.Lan),
            ["officer"] = await app.SignedInAsync(Officers.Desk),
        };
        var failures = new List<string>();
        var calls = 0;
        try
        {
            foreach (var endpoint in endpoints)
            {
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                foreach (var parameter in endpoint.RoutePattern.Parameters)
                foreach (var hostile in Hostile)
                {
                    var path = string.Concat(endpoint.RoutePattern.PathSegments.Select(s => "/" + string.Concat(s.Parts.Select(p => p switch
                    {
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart sep => sep.Content,
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart q => q.Name == parameter.Name ? hostile : Sample(q.Name),
                        _ => "",
                    }))));
                    foreach (var method in methods)
                    foreach (var (who, client) in clients)
                    {
                        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path.TrimStart('/'), UriKind.Relative));
                        if (method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", new MediaTypeHeaderValue("application/json"));
                        using var response = await client.SendAsync(request);
                        calls++;
                        var status = (int)response.StatusCode;
                        var type = response.Content.Headers.ContentType?.MediaType;
                        var label = $"{(int)response.StatusCode} {method} {endpoint.RoutePattern.RawText} {parameter.Name}={Shorten(hostile)} as {who}";
                        if (status >= 500) failures.Add(label);
                        // Kestrel itself refuses some request lines before the app sees them: those 400s have no body.
                        else if (status >= 400 && response.Content.Headers.ContentLength != 0 && type != "application/problem+json") failures.Add($"{label} ({type})");
                    }
                }
            }
        }
        finally
        {
            foreach (var c in clients.Values) c.Dispose();
        }
        output.WriteLine($"{calls} calls on {endpoints.Count} routes");
        foreach (var route in failures.Select(f => string.Join(' ', f.Split(' ').Take(4))).Distinct()) output.WriteLine(route);
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls failed:\n{string.Join('\n', failures.Take(60))}");
    }

    private static string Shorten(string value) => value.Length > 24 ? $"{value[..12]}…({value.Length})" : value;
}
