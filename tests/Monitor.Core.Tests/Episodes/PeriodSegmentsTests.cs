using System.Text.Json;
using System.Text.RegularExpressions;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;

namespace Monitor.Core.Tests.Episodes;

/// <summary>A period's measurement on the segments of the youths around it (<see cref="PeriodSegments"/>) is the
/// measurement on the whole store.</summary>
public class PeriodSegmentsTests
{
    [Fact]
    public void MeasuringOnlyTheYouthsAroundThePeriodGivesEveryFigureOfTheWholeStore()
    {
        // Property: seeded random stores with stays and gaps of every length around the period's edges (within and
        // beyond the gap rule), every care type, running segments, segments after the as-of date; each measured
        // under a random gap rule, period and as-of date. The whole measurement (cohort episodes included) is
        // compared as JSON.
        var random = new Random(61);
        CareType[] types = [CareType.Verblijf, CareType.Verblijf, CareType.Pleegzorg, CareType.Ambulant, CareType.Crisis];
        var reference = Outcomes.Outcome.TwoRegions;
        var omitted = 0;
        for (var run = 0; run < 300; run++)
        {
            var segments = new List<Segment>();
            var youths = random.Next(1, 40);
            for (var youth = 1; youth <= youths; youth++)
            {
                var day = new DateOnly(2018, 6, 1).AddDays(random.Next(1500));
                var stays = random.Next(1, 5);
                for (var k = 0; k < stays; k++)
                {
                    var length = random.Next(4) == 0 ? random.Next(1, 10) : random.Next(1, 500);
                    var end = random.Next(8) == 0 ? (DateOnly?)null : day.AddDays(length - 1);
                    segments.Add(Seg.Make(youth, 10000001 + random.Next(4), day.ToString("yyyy-MM-dd"), end?.ToString("yyyy-MM-dd"),
                        types[random.Next(types.Length)], amount: random.Next(3) == 0 ? null : random.Next(100, 9000),
                        municipality: random.Next(2) == 0 ? 193 : 153));
                    if (end is null) break;
                    day = end.Value.AddDays(1 + (random.Next(2) == 0 ? random.Next(0, 40) : random.Next(0, 400)));
                }
            }
            var year = 2019 + random.Next(4);
            var shortStart = new DateOnly(year, 1, 1).AddDays(random.Next(365));
            var period = random.Next(3) switch
            {
                0 => new Period(new DateOnly(year, 4, 1), new DateOnly(year, 6, 30)),
                1 => new Period(shortStart, shortStart.AddDays(random.Next(0, 20))), // shorter than a gap: bridged over
                _ => Period.Year(year),
            };
            var asOf = period.To.AddDays(random.Next(0, 400)).ToString("yyyy-MM-dd");
            var gap = new[] { 0, 2, 7, 30, 60 }[random.Next(5)];
            var region = random.Next(3) == 0 ? "Twente" : null;
            // In youth order (as an analysis holds them) or in any order.
            var all = random.Next(3) == 0 ? segments.OrderBy(_ => random.Next()).ToArray() : segments.ToArray();
            var part = PeriodSegments.Of(all, period, gap);
            omitted += all.Length - part.Length;
            Assert.Equal(Json(all, period, asOf, gap, region, reference), Json(part, period, asOf, gap, region, reference));
        }
        Assert.True(omitted > 500, $"only {omitted} segments left out: the stores do not test the cut");
    }

    private static string Json(Segment[] segments, Period period, string asOf, int gap, string? region, ReferenceData reference)
    {
        var set = EpisodeBuilder.Build((Segment[])segments.Clone(), Seg.Rules(asOf, gap));
        var m = MeasurementCalculator.Measure(set, new MeasurementParameters(period, region), reference);
        m = m with { Outcomes = OutcomeCalculator.Measure(set, m, reference, OutcomeData.Empty) };
        // Where an episode's segments sit in its set's array differs with the array; every figure must not.
        return Regex.Replace(JsonSerializer.Serialize(m), "\"FirstSegment\":[0-9]+,", "");
    }
}
