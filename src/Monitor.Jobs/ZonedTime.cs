using System.Globalization;

namespace Monitor.Jobs;

/// <summary>Times as readers see them: in the pipeline's zone, with the zone named. JSON keeps UTC.</summary>
public static class ZonedTime
{
    /// <summary><c>2026-11-23 02:30 Europe/Amsterdam</c>, or "never" for no time.</summary>
    public static string Format(DateTimeOffset? time, TimeZoneInfo zone, bool seconds = false) =>
        time is { } t
            ? TimeZoneInfo.ConvertTime(t, zone).ToString(seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + zone.Id
            : "never";

    public static string Format(DateTime utc, TimeZoneInfo zone, bool seconds = false) =>
        Format(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone, seconds);
}
