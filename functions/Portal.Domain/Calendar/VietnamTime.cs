namespace Portal.Domain.Calendar;

/// <summary>Vietnam's civil time: UTC+07:00 all year, no daylight saving.</summary>
public static class VietnamTime
{
    /// <summary>The offset of Vietnamese local time from UTC.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The local wall-clock time (Kind Unspecified) of an instant.</summary>
    public static DateTime ToLocal(DateTimeOffset instant) =>
        DateTime.SpecifyKind(instant.ToOffset(Offset).DateTime, DateTimeKind.Unspecified);

    /// <summary>The instant of a local wall-clock time; its Kind is ignored and it is read as UTC+07:00.</summary>
    public static DateTimeOffset FromLocal(DateTime local) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset);

    /// <summary>The same instant expressed with the +07:00 offset.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset instant) => instant.ToOffset(Offset);
}
