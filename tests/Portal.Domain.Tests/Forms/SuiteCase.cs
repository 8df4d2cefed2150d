using System.Text.Json;

namespace Portal.Domain.Tests.Forms;

/// <summary>One test case of the JSON-Schema-Test-Suite: a schema and the instances checked against it.</summary>
internal sealed record SuiteCase(string File, string Description, JsonElement Schema, IReadOnlyList<SuiteTest> Tests);
