using System.Diagnostics;
using System.Text.Json;
using Portal.Domain.Forms;
using Xunit.Abstractions;

namespace Portal.Domain.Tests.Forms;

/// <summary>
/// The browser (the site's web/js/validation.js: ajv as bundled for the page, plus the portal's rules) and the server
/// (<see cref="FormSchema"/> on JsonSchema.Net) judge every form's sample cases alike: same valid/invalid, same field ids,
/// and both as the sample file says. ajv runs in node through ajv-validate.mjs; it needs `npm ci` and `npm run build:web`.
/// </summary>
public sealed class BrowserServerAgreementTests(ITestOutputHelper output)
{
    [Fact]
    public void EverySampleCase_BrowserAndServerAgreeOnValidityAndFieldIds()
    {
        // Arrange
        var forms = CatalogueForms.All();
        var samples = forms.Select(f => (f.Code, Schema: FormSchema.Load(f.Form), Samples: CatalogueForms.Samples(f.Code))).ToList();

        // Act
        var browser = RunAjv().ToDictionary(r => (r.Procedure, r.Name));
        var disagreements = new List<string>();
        var count = 0;
        foreach (var (code, schema, formSamples) in samples)
        {
            foreach (var sample in formSamples.Cases)
            {
                count++;
                var errors = schema.Validate(sample.Data, formSamples.Today);
                var server = errors.Select(e => e.Field).Distinct().Order(StringComparer.Ordinal).ToList();
                if (!browser.TryGetValue((code, sample.Name), out var ajv))
                {
                    disagreements.Add($"{code} / {sample.Name}: no browser result");
                    continue;
                }
                var expected = string.Join(", ", sample.Fields);
                if (sample.Valid != (errors.Count == 0) || expected != string.Join(", ", server))
                {
                    disagreements.Add($"{code} / {sample.Name}: server [{string.Join(", ", server)}] "
                        + $"({string.Join("; ", errors.Select(e => $"{e.Field} {e.Keyword}"))}), expected [{expected}]");
                }
                if (sample.Valid != ajv.Valid || expected != string.Join(", ", ajv.Fields))
                {
                    disagreements.Add($"{code} / {sample.Name}: browser [{string.Join(", ", ajv.Fields)}], expected [{expected}]");
                }
            }
        }

        // Assert
        output.WriteLine($"{samples.Count} forms, {count} sample cases ({samples.Sum(s => s.Samples.Cases.Count(c => c.Valid))} valid), "
            + $"{browser.Count} judged by ajv in node");
        foreach (var line in disagreements) output.WriteLine(line);
        Assert.Equal(count, browser.Count);
        Assert.Empty(disagreements);
    }

    private static IReadOnlyList<BrowserResult> RunAjv()
    {
        var script = Path.Combine(CatalogueForms.Root, "tests", "Portal.Domain.Tests", "Forms", "ajv-validate.mjs");
        var bundle = Path.Combine(CatalogueForms.Root, "web", "vendor", "ajv.bundle.js");
        Assert.True(File.Exists(bundle), $"{bundle} is missing: run `npm ci` and `npm run build:web` first.");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = CatalogueForms.Root,
        };
        // web/js is plain ES modules without a package.json "type": let node detect that, as the browser needs no telling.
        foreach (var argument in (string[])["--experimental-detect-module", "--no-warnings", script,
            CatalogueForms.ProceduresDirectory, CatalogueForms.SamplesDirectory, Path.Combine(CatalogueForms.Root, "web")])
        {
            start.ArgumentList.Add(argument);
        }
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stderr = node.StandardError.ReadToEndAsync();
        var stdout = node.StandardOutput.ReadToEnd();
        Assert.True(node.WaitForExit(TimeSpan.FromMinutes(1)), "node did not finish within a minute");
        Assert.True(node.ExitCode == 0, $"node failed ({node.ExitCode}): {stderr.Result}");
        return JsonSerializer.Deserialize<List<BrowserResult>>(stdout, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private sealed record BrowserResult(string Procedure, string Name, bool Valid, List<string> Fields);
}
