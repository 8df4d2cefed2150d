namespace Portal.Functions.Triggers;

/// <summary>
/// Non-HTTP functions as the custom-handler protocol delivers them: the Functions host POSTs
/// <c>/{FunctionName}</c> with <see cref="CustomHandlerRequest"/>; we answer with <see cref="CustomHandlerResponse"/>.
/// The function names here and the folders under <c>Functions/</c> must match (a test checks both ways).
/// <para>
/// Nobody outside may call them. The host forwards outside HTTP to the same handler, at the request's own path
/// (<c>enableForwardingHttpRequest</c>), with the same headers it adds to a trigger invocation, so the path alone cannot tell
/// them apart. Three guards: (1) the catch-all HTTP function's route (<c>Functions/Http/function.json</c>) excludes every
/// non-HTTP function name, so the host answers 404 itself and never forwards such a request; (2) these endpoints are mapped
/// only under the host (<see cref="HostPortSetting"/> set); locally <see cref="LocalTriggerHost"/> calls the handlers
/// directly; (3) a call that carries what the platform's front end adds to outside requests, or lacks the host's invocation
/// id, is answered 404 like any unknown path.
/// </para>
/// </summary>
public static class TriggerEndpoints
{
    /// <summary>The timer function (every minute in Azure).</summary>
    public const string TimerSweepFunction = "TimerSweep";

    /// <summary>Set by the Functions host when it runs the custom handler: the port to listen on.</summary>
    public const string HostPortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>Header the host adds to every invocation it sends (azure-functions-host, <c>HttpWorkerConstants.InvocationIdHeaderName</c>).</summary>
    public const string InvocationIdHeader = "X-Azure-Functions-InvocationId";

    /// <summary>
    /// Headers the App Service front end adds to outside requests, which the host copies when it forwards them; never on a
    /// trigger invocation. <c>X-Original-For</c> is what our forwarded-headers middleware leaves once it has applied X-Forwarded-For.
    /// </summary>
    public static readonly IReadOnlyList<string> ForwardedRequestHeaders = ["X-Forwarded-For", "X-Original-For", "X-Original-URL", "X-ARR-LOG-ID", "DISGUISED-HOST"];

    /// <summary>Registers the timers, their handlers and the local trigger host.</summary>
    public static IServiceCollection AddTriggers(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TimerOptions>(configuration.GetSection(TimerOptions.Section));
        services.AddSingleton<TimerStore>();
        services.AddSingleton<ITimerHandler, DraftExpiryHandler>();
        services.AddScoped<TimerSweep>();
        services.AddHostedService<LocalTriggerHost>();
        return services;
    }

    /// <summary>Maps the function endpoints, only when running under the Functions host.</summary>
    public static void MapTriggerEndpoints(this IEndpointRouteBuilder app)
    {
        if (string.IsNullOrEmpty(app.ServiceProvider.GetRequiredService<IConfiguration>()[HostPortSetting])) return;
        // The body ({Data, Metadata}) is not bound: a refused call must look like any unknown path, whatever it sends.
        app.MapPost($"/{TimerSweepFunction}", async (TimerSweep sweep, HttpContext http) =>
        {
            if (!IsHostInvocation(http.Request)) return Results.NotFound();
            var result = await sweep.RunAsync(http.RequestAborted);
            return Results.Json(new CustomHandlerResponse([], [$"Timer sweep: {result.Fired} fired, {result.Failed} failed."], null));
        }).WithMetadata(new CustomHandlerFunction(TimerSweepFunction)).WithName(TimerSweepFunction).ExcludeFromDescription();
    }

    /// <summary>Whether a request is the host's own invocation of a non-HTTP function, not a forwarded outside request.</summary>
    public static bool IsHostInvocation(HttpRequest request) =>
        request.Headers.ContainsKey(InvocationIdHeader) && !ForwardedRequestHeaders.Any(request.Headers.ContainsKey);
}
