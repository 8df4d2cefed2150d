namespace Portal.Functions.Triggers;

/// <summary>Endpoint metadata: this endpoint is the non-HTTP function of that name (Functions/&lt;Name&gt;/function.json).</summary>
/// <param name="Name">The function's name, which is also its route.</param>
public sealed record CustomHandlerFunction(string Name);
