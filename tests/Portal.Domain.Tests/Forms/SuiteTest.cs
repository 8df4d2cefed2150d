using System.Text.Json;

namespace Portal.Domain.Tests.Forms;

/// <summary>One instance of a suite case and whether it should be valid.</summary>
internal sealed record SuiteTest(string Description, JsonElement Data, bool Valid);
