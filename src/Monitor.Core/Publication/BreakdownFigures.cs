using Monitor.Core.Measurements;

namespace Monitor.Core.Publication;

/// <summary>
/// The report's breakdowns of a measurement's episodes — by duration class, by number of residential
/// providers, by number of placement moves — each registered as a sum relation to <c>counts.episodes</c>
/// (PROTOCOL.md 8: "duration classes add up to episodes", "any breakdown adds up to its total"). A class
/// that is a protocol figure keeps its protocol key: "under a month" is <c>counts.short_episodes</c>, "one
/// provider" is <c>counts.single_provider_episodes</c>, so it is one figure wherever it appears.
/// </summary>
public static class BreakdownFigures
{
    /// <summary>Duration classes a policy reader thinks in (days, both ends inclusive); the first is <c>counts.short_episodes</c>.</summary>
    public static IReadOnlyList<(string Key, int From, int To)> DurationClasses { get; } =
    [
        ("counts.short_episodes", 1, 29),
        ("duration_classes.1_to_3_months", 30, 91),
        ("duration_classes.3_to_6_months", 92, 182),
        ("duration_classes.6_to_12_months", 183, 365),
        ("duration_classes.1_to_2_years", 366, 730),
        ("duration_classes.2_to_3_years", 731, 1095),
        ("duration_classes.over_3_years", 1096, int.MaxValue),
    ];

    /// <summary>Residential providers per episode: 1 (<c>counts.single_provider_episodes</c>), 2, 3, 4, 5 or more.</summary>
    public static IReadOnlyList<(string Key, int From, int To)> ProviderClasses { get; } =
    [
        ("counts.single_provider_episodes", 1, 1),
        ("providers_per_episode.2", 2, 2),
        ("providers_per_episode.3", 3, 3),
        ("providers_per_episode.4", 4, 4),
        ("providers_per_episode.5_or_more", 5, int.MaxValue),
    ];

    /// <summary>Placement moves per episode: 0, 1, 2, 3 or more.</summary>
    public static IReadOnlyList<(string Key, int From, int To)> MoveClasses { get; } =
    [
        ("moves_per_episode.0", 0, 0),
        ("moves_per_episode.1", 1, 1),
        ("moves_per_episode.2", 2, 2),
        ("moves_per_episode.3_or_more", 3, int.MaxValue),
    ];

    /// <summary>Adds the three breakdowns of <paramref name="m"/> under <paramref name="prefix"/> and their relations.
    /// The measurement's own figures must be in the set already (<see cref="MeasurementFigures"/>).</summary>
    public static void Add(FigureSet set, string prefix, Measurement m)
    {
        string K(string key) => prefix + "." + key;
        (IReadOnlyList<(string Key, int From, int To)> Classes, Func<Episodes.Episode, int> Value)[] breakdowns =
            [(DurationClasses, e => e.DurationDays), (ProviderClasses, e => e.ProviderCount), (MoveClasses, e => e.PlacementMoves)];
        // One pass over the cohort for every class of every breakdown: a million episodes read once, not sixteen times.
        var counts = breakdowns.Select(b => new int[b.Classes.Count]).ToArray();
        foreach (var e in m.Cohort.Episodes)
        {
            for (var b = 0; b < breakdowns.Length; b++)
            {
                var (classes, value) = breakdowns[b];
                var v = value(e);
                for (var c = 0; c < classes.Count; c++)
                    if (v >= classes[c].From && v <= classes[c].To) counts[b][c]++;
            }
        }
        for (var b = 0; b < breakdowns.Length; b++)
        {
            var classes = breakdowns[b].Classes;
            for (var c = 0; c < classes.Count; c++) set.Count(K(classes[c].Key), counts[b][c]);
            set.Sum(K("counts.episodes"), classes.Select(x => K(x.Key)).ToArray());
        }
    }
}
