using System.Globalization;
using System.Text.Json;

namespace Portal.Domain.Calendar;

/// <summary>
/// A procedure's processing time (thời hạn giải quyết): a value in working days, working hours or calendar days, and an
/// optional same-day cut-off ("nhận sau 15:00 trả ngày làm việc tiếp theo"). See <see cref="AppointmentCalculator"/> for
/// how it becomes an appointment date.
/// </summary>
public sealed record ProcessingTime
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Creates a processing time.</summary>
    /// <param name="value">Number of units, at least 0; whole for working days and calendar days.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="cutOff">Receipts after this time of a working day count from the next working day.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative value, a fraction of a (working) day, or an undefined unit.</exception>
    public ProcessingTime(decimal value, ProcessingTimeUnit unit, TimeOnly? cutOff = null)
    {
        if (!Enum.IsDefined(unit)) throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown processing time unit.");
        if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), value, "A processing time cannot be negative.");
        if (unit != ProcessingTimeUnit.WorkingHours && value != decimal.Truncate(value))
            throw new ArgumentOutOfRangeException(nameof(value), value,
                $"A processing time in {unit} must be a whole number; write a fraction of a day in workingHours (e.g. 0.5 working day = 4 workingHours).");
        if (unit == ProcessingTimeUnit.WorkingHours && value > 100_000)
            throw new ArgumentOutOfRangeException(nameof(value), value, "A processing time in working hours is implausibly large.");
        if (unit != ProcessingTimeUnit.WorkingHours && value > 3660)
            throw new ArgumentOutOfRangeException(nameof(value), value, "A processing time of more than ten years is implausible.");
        Value = value;
        Unit = unit;
        CutOff = cutOff;
    }

    /// <summary>Number of units.</summary>
    public decimal Value { get; }

    /// <summary>The unit.</summary>
    public ProcessingTimeUnit Unit { get; }

    /// <summary>Same-day cut-off: a dossier received after it on a working day counts as received the next working day.</summary>
    public TimeOnly? CutOff { get; }

    /// <summary>Working days, for the <see cref="ProcessingTimeUnit.WorkingDays"/> unit.</summary>
    public static ProcessingTime WorkingDays(int days, TimeOnly? cutOff = null) => new(days, ProcessingTimeUnit.WorkingDays, cutOff);

    /// <summary>Working hours, for the <see cref="ProcessingTimeUnit.WorkingHours"/> unit.</summary>
    public static ProcessingTime WorkingHours(decimal hours, TimeOnly? cutOff = null) => new(hours, ProcessingTimeUnit.WorkingHours, cutOff);

    /// <summary>Calendar days, for the <see cref="ProcessingTimeUnit.Days"/> unit.</summary>
    public static ProcessingTime Days(int days, TimeOnly? cutOff = null) => new(days, ProcessingTimeUnit.Days, cutOff);

    /// <summary>Builds a processing time from the catalogue's fields: value, unit ("workingDays", "workingHours" or "days")
    /// and cut-off ("HH:mm" or null).</summary>
    /// <exception cref="FormatException">An unknown unit or a cut-off not written HH:mm.</exception>
    /// <exception cref="ArgumentOutOfRangeException">See the constructor.</exception>
    public static ProcessingTime From(decimal value, string unit, string? cutOff)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new ProcessingTime(value, ParseUnit(unit), string.IsNullOrWhiteSpace(cutOff) ? null : ParseCutOff(cutOff));
    }

    /// <summary>Parses the catalogue's JSON object text <c>{"value":3,"unit":"workingDays","cutOff":"15:00"}</c>
    /// (cutOff optional).</summary>
    /// <exception cref="FormatException">Malformed JSON, a missing value or unit, an unknown unit or a bad cut-off.</exception>
    public static ProcessingTime Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException("A processing time must be a JSON object.");
            if (!root.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
                throw new FormatException("processingTime.value is required and must be a number.");
            if (!root.TryGetProperty("unit", out var unit) || unit.ValueKind != JsonValueKind.String)
                throw new FormatException("processingTime.unit is required: workingDays, workingHours or days.");
            string? cutOff = null;
            if (root.TryGetProperty("cutOff", out var c) && c.ValueKind != JsonValueKind.Null)
                cutOff = c.ValueKind == JsonValueKind.String ? c.GetString() : throw new FormatException("processingTime.cutOff must be a string \"HH:mm\".");
            return From(number, unit.GetString()!, cutOff);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The processing time is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>The catalogue's name of a unit: "workingDays", "workingHours" or "days".</summary>
    public static string UnitName(ProcessingTimeUnit unit) => unit switch
    {
        ProcessingTimeUnit.WorkingDays => "workingDays",
        ProcessingTimeUnit.WorkingHours => "workingHours",
        ProcessingTimeUnit.Days => "days",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown processing time unit."),
    };

    /// <summary>
    /// Vietnamese text for the citizen: "3 ngày làm việc", "Trong ngày", "Trong ngày (nhận sau 15:00 trả ngày làm việc
    /// tiếp theo)", "8 giờ làm việc", "30 ngày"; with a cut-off on a longer time: "3 ngày làm việc (nhận sau 15:00 tính từ
    /// ngày làm việc tiếp theo)".
    /// </summary>
    public string Text
    {
        get
        {
            var number = Value.ToString("0.##", Vietnamese);
            var main = Unit switch
            {
                ProcessingTimeUnit.WorkingDays when Value == 0 => "Trong ngày",
                ProcessingTimeUnit.WorkingDays => $"{number} ngày làm việc",
                ProcessingTimeUnit.WorkingHours => $"{number} giờ làm việc",
                _ => $"{number} ngày",
            };
            if (CutOff is not { } cut) return main;
            var at = cut.ToString("HH:mm", CultureInfo.InvariantCulture);
            return Unit == ProcessingTimeUnit.WorkingDays && Value == 0
                ? $"{main} (nhận sau {at} trả ngày làm việc tiếp theo)"
                : $"{main} (nhận sau {at} tính từ ngày làm việc tiếp theo)";
        }
    }

    /// <summary>The Vietnamese <see cref="Text"/>.</summary>
    public override string ToString() => Text;

    private static ProcessingTimeUnit ParseUnit(string unit) => unit.Trim().ToLowerInvariant() switch
    {
        "workingdays" => ProcessingTimeUnit.WorkingDays,
        "workinghours" => ProcessingTimeUnit.WorkingHours,
        "days" => ProcessingTimeUnit.Days,
        _ => throw new FormatException($"Processing time unit \"{unit}\" is unknown; use workingDays, workingHours or days."),
    };

    private static TimeOnly ParseCutOff(string text) =>
        TimeOnly.TryParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new FormatException($"Processing time cut-off \"{text}\" must be a time written HH:mm, e.g. 15:00.");
}
