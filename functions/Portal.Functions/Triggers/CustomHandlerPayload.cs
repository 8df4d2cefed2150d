using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Functions.Triggers;

/// <summary>
/// What the Azure Functions host POSTs to a custom handler for a non-HTTP trigger: <c>/{FunctionName}</c> with
/// the trigger's data keyed by binding name, and metadata (sys, trigger-specific values).
/// </summary>
public sealed record CustomHandlerRequest(
    [property: JsonPropertyName("Data")] Dictionary<string, JsonElement>? Data,
    [property: JsonPropertyName("Metadata")] Dictionary<string, JsonElement>? Metadata);

/// <summary>
/// The custom handler's answer: output bindings by name, log lines the host writes to its own log, and the
/// function's return value. Outputs are honoured only on a 2xx status.
/// </summary>
public sealed record CustomHandlerResponse(
    [property: JsonPropertyName("Outputs")] Dictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] object? ReturnValue);
