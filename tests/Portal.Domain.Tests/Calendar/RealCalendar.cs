using Portal.Domain.Calendar;

namespace Portal.Domain.Tests.Calendar;

/// <summary>The real holiday data file of the app, found by walking up from the test binary to the repository root.</summary>
internal static class RealCalendar
{
    private static readonly Lazy<string> LazyJson = new(() => File.ReadAllText(FindDataFile()));
    private static readonly Lazy<WorkingCalendar> LazyCalendar = new(() => WorkingCalendar.Parse(LazyJson.Value));

    public static string Json => LazyJson.Value;

    public static WorkingCalendar Calendar => LazyCalendar.Value;

    public static string FindDataFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
                return Path.Combine(dir.FullName, "functions", "Portal.Functions", "Data", "calendar", "holidays-vn.json");
        }
        throw new InvalidOperationException($"No Serverless.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }

    /// <summary>An instant written as Vietnamese local time.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, VietnamTime.Offset);
}
