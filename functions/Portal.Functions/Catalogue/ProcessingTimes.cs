using Portal.Domain.Calendar;
using Portal.Domain.Catalogue;

namespace Portal.Functions.Catalogue;

/// <summary>Turns a catalogue file's processing time into the domain's, and into its view.</summary>
public static class ProcessingTimes
{
    /// <summary>The domain processing time.</summary>
    public static ProcessingTime Of(ProcessingTimeData data) => ProcessingTime.From(data.Value, data.Unit, data.CutOff);

    /// <summary>The view with its Vietnamese wording ("3 ngày làm việc").</summary>
    public static ProcessingTimeView View(ProcessingTimeData data) => new(data.Value, data.Unit, data.CutOff, Of(data).Text);
}
