namespace Portal.Functions.Triggers;

/// <summary>
/// Non-HTTP functions as the custom-handler protocol delivers them: the Functions host POSTs
/// <c>/{FunctionName}</c> with <see cref="CustomHandlerRequest"/>; we answer with <see cref="CustomHandlerResponse"/>.
/// The function names here and the folders under <c>Functions/</c> must match (a test checks both ways).
/// </summary>
public static class TriggerEndpoints
{
    /// <summary>The timer function (every minute in Azure).</summary>
    public const string TimerSweepFunction = "TimerSweep";

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

    /// <summary>Maps the function endpoints.</summary>
    public static void MapTriggerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost($"/{TimerSweepFunction}", async (CustomHandlerRequest request, TimerSweep sweep, HttpContext http) =>
        {
            var result = await sweep.RunAsync(http.RequestAborted);
            return TypedResults.Ok(new CustomHandlerResponse([], [$"Timer sweep: {result.Fired} fired, {result.Failed} failed."], null));
        }).WithMetadata(new CustomHandlerFunction(TimerSweepFunction)).WithName(TimerSweepFunction).ExcludeFromDescription();
    }
}
