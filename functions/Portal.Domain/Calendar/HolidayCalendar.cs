using System.Globalization;
using System.Text.Json;

namespace Portal.Domain.Calendar;

/// <summary>
/// The holiday data (lịch nghỉ lễ, Tết) as written in <c>Data/calendar/holidays-vn.json</c>: office hours, weekly days off,
/// days off and worked weekend days. The holidays are announced yearly, so they are data, never code.
/// </summary>
public sealed class HolidayCalendar
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Builds the data and checks it.</summary>
    /// <param name="officeHours">Office periods of a working day, in order, not overlapping.</param>
    /// <param name="weekend">Weekly days off.</param>
    /// <param name="days">Days off besides the weekend.</param>
    /// <param name="workingWeekends">Weekend days that are worked (làm bù).</param>
    /// <exception cref="ArgumentException">Office hours empty, unordered or overlapping; every day of the week off;
    /// a date listed twice; a worked weekend day that is not a weekly day off or is also a day off.</exception>
    public HolidayCalendar(IEnumerable<OfficePeriod> officeHours, IEnumerable<DayOfWeek> weekend,
        IEnumerable<DayOff> days, IEnumerable<WorkingWeekendDay> workingWeekends)
    {
        ArgumentNullException.ThrowIfNull(officeHours);
        ArgumentNullException.ThrowIfNull(weekend);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(workingWeekends);
        OfficeHours = officeHours.ToList();
        Weekend = weekend.ToHashSet();
        Days = days.OrderBy(d => d.Date).ToList();
        WorkingWeekends = workingWeekends.OrderBy(d => d.Date).ToList();

        if (OfficeHours.Count == 0) throw new ArgumentException("Office hours are empty; give at least one period such as 07:30–17:00.", nameof(officeHours));
        for (var i = 0; i < OfficeHours.Count; i++)
        {
            var p = OfficeHours[i];
            if (p.End <= p.Start) throw new ArgumentException($"Office period {p} ends before it starts; periods must not cross midnight.", nameof(officeHours));
            if (i > 0 && p.Start < OfficeHours[i - 1].End)
                throw new ArgumentException($"Office period {p} overlaps or precedes {OfficeHours[i - 1]}; list periods in order.", nameof(officeHours));
        }
        if (Weekend.Count >= 7) throw new ArgumentException("Every day of the week is a day off; leave at least one working weekday.", nameof(weekend));

        var seen = new HashSet<DateOnly>();
        foreach (var d in Days)
            if (!seen.Add(d.Date)) throw new ArgumentException($"Day off {d.Date:yyyy-MM-dd} is listed twice.", nameof(days));
        foreach (var w in WorkingWeekends)
        {
            if (!Weekend.Contains(w.Date.DayOfWeek))
                throw new ArgumentException($"Worked day {w.Date:yyyy-MM-dd} is a {w.Date.DayOfWeek}, not a weekly day off.", nameof(workingWeekends));
            if (!seen.Add(w.Date))
                throw new ArgumentException($"Date {w.Date:yyyy-MM-dd} is both a day off and a worked weekend day, or is listed twice.", nameof(workingWeekends));
        }
    }

    /// <summary>Office periods of a working day (configurable data; default 07:30–11:30 and 13:00–17:00).</summary>
    public IReadOnlyList<OfficePeriod> OfficeHours { get; }

    /// <summary>Weekly days off (default Saturday and Sunday).</summary>
    public IReadOnlySet<DayOfWeek> Weekend { get; }

    /// <summary>Days off besides the weekend, by date.</summary>
    public IReadOnlyList<DayOff> Days { get; }

    /// <summary>Weekend days that are worked (làm bù), by date.</summary>
    public IReadOnlyList<WorkingWeekendDay> WorkingWeekends { get; }

    /// <summary>Years that have at least one listed day off: outside them only weekends are known.</summary>
    public IReadOnlyList<int> Years => Days.Select(d => d.Date.Year).Distinct().Order().ToList();

    /// <summary>The default office hours: 07:30–11:30 and 13:00–17:00.</summary>
    public static IReadOnlyList<OfficePeriod> DefaultOfficeHours { get; } =
        [new(new TimeOnly(7, 30), new TimeOnly(11, 30)), new(new TimeOnly(13, 0), new TimeOnly(17, 0))];

    /// <summary>
    /// Parses the JSON text of the holiday data file:
    /// <c>{ "officeHours": [{"start":"07:30","end":"11:30"}], "weekend": ["Saturday","Sunday"],
    /// "days": [{"date":"2025-01-29","name":"…","kind":"holiday|compensatory|swap","confirmed":true,"note":"…","source":"…"}],
    /// "workingWeekends": [{"date":"…","name":"…"}] }</c>. Unknown properties are ignored; missing officeHours or weekend
    /// take the defaults.
    /// </summary>
    /// <param name="json">The file's text (the caller reads the file).</param>
    /// <exception cref="FormatException">Malformed JSON, or a value in the wrong format, naming it.</exception>
    /// <exception cref="ArgumentException">Data that is well-formed but inconsistent (see the constructor).</exception>
    public static HolidayCalendar Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, DocumentOptions); }
        catch (JsonException e) { throw new FormatException($"Holiday data is not valid JSON: {e.Message}", e); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException("Holiday data must be a JSON object.");

            var officeHours = TryArray(root, "officeHours") is { } hours
                ? hours.Select((p, i) => new OfficePeriod(
                    ParseTime(RequiredString(p, "start", $"officeHours[{i}]"), $"officeHours[{i}].start"),
                    ParseTime(RequiredString(p, "end", $"officeHours[{i}]"), $"officeHours[{i}].end"))).ToList()
                : DefaultOfficeHours.ToList();

            var weekend = TryArray(root, "weekend") is { } week
                ? week.Select((d, i) => d.ValueKind == JsonValueKind.String && Enum.TryParse<DayOfWeek>(d.GetString(), true, out var day)
                        && Enum.IsDefined(day) && !int.TryParse(d.GetString(), out _)
                    ? day
                    : throw new FormatException($"weekend[{i}] must be an English day name such as \"Saturday\".")).ToList()
                : [DayOfWeek.Saturday, DayOfWeek.Sunday];

            var days = (TryArray(root, "days") ?? []).Select((d, i) =>
            {
                var at = $"days[{i}]";
                return new DayOff(
                    ParseDate(RequiredString(d, "date", at), at + ".date"),
                    RequiredString(d, "name", at),
                    ParseKind(RequiredString(d, "kind", at), at + ".kind"),
                    OptionalBool(d, "confirmed", at) ?? false,
                    OptionalString(d, "note", at),
                    OptionalString(d, "source", at));
            }).ToList();

            var worked = (TryArray(root, "workingWeekends") ?? []).Select((d, i) =>
            {
                var at = $"workingWeekends[{i}]";
                return new WorkingWeekendDay(
                    ParseDate(RequiredString(d, "date", at), at + ".date"),
                    RequiredString(d, "name", at),
                    OptionalBool(d, "confirmed", at) ?? true,
                    OptionalString(d, "note", at),
                    OptionalString(d, "source", at));
            }).ToList();

            return new HolidayCalendar(officeHours, weekend, days, worked);
        }
    }

    private static List<JsonElement>? TryArray(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array) throw new FormatException($"\"{name}\" must be an array.");
        return value.EnumerateArray().ToList();
    }

    private static string RequiredString(JsonElement obj, string name, string at)
    {
        if (obj.ValueKind != JsonValueKind.Object) throw new FormatException($"{at} must be an object.");
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            throw new FormatException($"{at}.{name} is required and must be a non-empty string.");
        return value.GetString()!;
    }

    private static string? OptionalString(JsonElement obj, string name, string at)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FormatException($"{at}.{name} must be a string.");
    }

    private static bool? OptionalBool(JsonElement obj, string name, string at)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FormatException($"{at}.{name} must be true or false."),
        };
    }

    private static DateOnly ParseDate(string text, string at) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"{at} \"{text}\" must be a date written yyyy-MM-dd.");

    private static TimeOnly ParseTime(string text, string at) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new FormatException($"{at} \"{text}\" must be a time written HH:mm.");

    private static HolidayKind ParseKind(string text, string at) => text switch
    {
        "holiday" => HolidayKind.Holiday,
        "compensatory" => HolidayKind.Compensatory,
        "swap" => HolidayKind.Swap,
        _ => throw new FormatException($"{at} \"{text}\" must be holiday, compensatory or swap."),
    };
}
