namespace Portal.Functions.Triggers;

/// <summary>
/// Settings of the local trigger host (section <c>Triggers</c>). In Azure the Functions host fires the timer
/// function (see <c>Functions/TimerSweep/function.json</c>) and the local host stays off.
/// </summary>
public sealed class TimerOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Triggers";
    /// <summary>Whether this process fires its own timers (local runs and tests).</summary>
    public bool LocalHost { get; set; }
    /// <summary>How often the sweep runs (the Azure schedule is every minute).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
