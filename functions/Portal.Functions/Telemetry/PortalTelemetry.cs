using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Portal.Functions.Telemetry;

/// <summary>
/// The portal's own spans and counters (source and meter <see cref="Name"/>). Attributes carry codes, kinds
/// and outcomes only: never a name, identity number, phone number, form answer or token.
/// </summary>
public static class PortalTelemetry
{
    /// <summary>Name of the activity source and the meter.</summary>
    public const string Name = "Portal";

    /// <summary>Spans around submission, officer actions and tracking.</summary>
    public static readonly ActivitySource Source = new(Name, "1.0");

    /// <summary>The meter of the counters below.</summary>
    public static readonly Meter Meter = new(Name, "1.0");

    /// <summary>Dossiers submitted (tag <c>portal.procedure</c>).</summary>
    public static readonly Counter<long> DossiersSubmitted = Meter.CreateCounter<long>("portal.dossiers.submitted", "{dossier}", "Dossiers submitted by citizens.");

    /// <summary>Officer actions applied (tags <c>portal.event</c>, <c>portal.outcome</c>).</summary>
    public static readonly Counter<long> OfficerActions = Meter.CreateCounter<long>("portal.officer.actions", "{action}", "Officer decisions raised on dossiers.");

    /// <summary>Anonymous tracking look-ups (tag <c>portal.tracking.found</c>).</summary>
    public static readonly Counter<long> TrackingLookups = Meter.CreateCounter<long>("portal.tracking.lookups", "{lookup}", "Look-ups by dossier code and phone number.");
}
