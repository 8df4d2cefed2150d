using System.Text.Json;

namespace Portal.Functions.Triggers;

/// <summary>
/// What the Azure Functions host POSTs to a custom handler for a non-HTTP trigger: <c>/{FunctionName}</c> with
/// the trigger's data keyed by binding name, and metadata (sys, trigger-specific values).
/// </summary>
public sealed record CustomHandlerRequest(Dictionary<string, JsonElement>? Data, Dictionary<string, JsonElement>? Metadata);

/// <summary>
/// The custom handler's answer: output bindings by name, log lines the host writes to its own log, and the
/// function's return value. Outputs are honoured only on a 2xx status.
/// </summary>
public sealed record CustomHandlerResponse(Dictionary<string, object?> Outputs, IReadOnlyList<string> Logs, object? ReturnValue);
