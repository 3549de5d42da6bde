using Monitor.Jobs;

namespace Monitor.Integration.Tests;

/// <summary>
/// A pipeline's cron in its zone, as Hangfire's scheduler reads it (Cronos, the version Hangfire carries):
/// Europe/Amsterdam through both switches of 2026, and looking back for <c>jobs health</c>.
/// </summary>
public sealed class PipelineScheduleTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private static PipelineSchedule Nightly(string cron = "30 2 * * *")
    {
        Assert.True(PipelineSchedule.TryParse(cron, Amsterdam, out var schedule, out var problem), problem);
        return schedule!;
    }

    [Fact]
    public void ATimeTheSpringForwardGapSwallowsRunsAtTheEndOfTheGap()
    {
        // 29 March 2026: 02:00 CET becomes 03:00 CEST, so there is no 02:30.
        var next = Nightly().Next(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2)), next);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 2, 30, 0, TimeSpan.FromHours(2)), Nightly().Next(next!.Value));
    }

    [Fact]
    public void ATimeTheAutumnOverlapRepeatsRunsOnceTheFirstTime()
    {
        // 25 October 2026: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice; the night runs once.
        var from = new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero);
        var first = Nightly().Next(from)!.Value;
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2)), first);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 2, 30, 0, TimeSpan.FromHours(1)), Nightly().Next(first));
    }

    [Fact]
    public void PreviousFindsTheLatestTimeAtOrBefore()
    {
        var at = new DateTimeOffset(2026, 11, 23, 2, 30, 0, TimeSpan.FromHours(1));
        Assert.Equal(at, Nightly().Previous(at));
        Assert.Equal(at, Nightly().Previous(at.AddHours(20)));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.FromHours(1)), Nightly("0 6 1 1 *").Previous(at)); // looks back a year
    }
}
