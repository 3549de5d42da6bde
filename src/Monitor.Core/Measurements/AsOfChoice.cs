using Monitor.Core.Domain;

namespace Monitor.Core.Measurements;

/// <summary>
/// How a measurement's as-of date is chosen (PROTOCOL.md 5 and 6): one date for every measurement
/// (<c>--as-of D</c>), the date the data support (<c>--as-of latest</c>), or the same follow-up after each
/// period's end (<c>--window N</c>: as of <c>to + N</c> days). Only the window gives two periods the same
/// time to end their stays; with one date the later period has had less, and the figures that depend on
/// the as-of date (<see cref="AsOfDependence"/>) change for that reason alone.
/// </summary>
public abstract record AsOfChoice
{
    private AsOfChoice()
    {
    }

    public sealed record OnDate(DateOnly Date) : AsOfChoice;

    public sealed record Latest : AsOfChoice;

    public sealed record Window(int Days) : AsOfChoice;

    public static AsOfChoice Of(DateOnly date) => new OnDate(date);

    public static AsOfChoice OfLatest { get; } = new Latest();

    /// <exception cref="InvalidRequestException">A negative window.</exception>
    public static AsOfChoice OfWindow(int days) =>
        days >= 0 ? new Window(days) : throw new InvalidRequestException($"--window cannot be negative ({days})");

    /// <summary>The window in days, or null when one date serves every measurement.</summary>
    public int? WindowDays => this is Window w ? w.Days : null;

    /// <summary>The as-of date of a measurement of <paramref name="period"/>.</summary>
    /// <param name="latest">The date <c>latest</c> stands for, asked only when needed (the store knows it).</param>
    /// <exception cref="InvalidRequestException">A date before the period's end.</exception>
    public DateOnly For(Period period, Func<DateOnly> latest, string periodName = "the period")
    {
        var date = this switch
        {
            OnDate d => d.Date,
            Window w => period.To.AddDays(w.Days),
            _ => latest(),
        };
        if (date < period.To)
        {
            var how = this is Latest ? $"--as-of latest ({date:yyyy-MM-dd})" : $"the as-of date {date:yyyy-MM-dd}";
            throw new InvalidRequestException($"{how} is before the end of {periodName} {period} ({period.To:yyyy-MM-dd})");
        }
        return date;
    }

    public override string ToString() => this switch
    {
        OnDate d => $"--as-of {d.Date:yyyy-MM-dd}",
        Window w => $"--window {w.Days}",
        _ => "--as-of latest",
    };
}

/// <summary>
/// The figures that depend on the as-of date (PROTOCOL.md 6): read at one date for two periods, the
/// later period has had less time to end its stays, so these change by the design alone. The report
/// marks them when one as-of date is used; docs/definitions.md lists them with the reason.
/// </summary>
public static class AsOfDependence
{
    public static IReadOnlySet<string> Keys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "counts.exited_by_as_of", "counts.ongoing_at_as_of", "counts.short_episodes",
        "duration_days.mean_all", "duration_days.median_all", "duration_days.mean_exited_by_as_of", "duration_days.mean_ongoing_at_as_of",
        "duration_days.mean_short", "duration_days.mean_not_short", "duration_days.mean_top_n",
        "providers.mean_placement_moves", "providers.moves_per_1000_days", "providers.mean_involved_per_episode",
        "providers.mean_involvement_days_by_sector",
        "cost_eur.mean_episode", "cost_eur.mean_episode_ongoing", "cost_eur.mean_all_episodes_per_youth",
        "cost_eur.mean_all_episodes_per_youth_ongoing", "cost_eur.mean_top_n", "cost_eur.mean_ambulant_per_youth",
        "age.mean_at_as_of_top_n",
        "entry_cohort.exited", "entry_cohort.km_median_days", "entry_cohort.km_q1_days", "entry_cohort.km_q3_days",
        "entry_cohort_8plus.episodes", "entry_cohort_8plus.exited", "entry_cohort_8plus.km_median_days",
        "entry_cohort_8plus.km_q1_days", "entry_cohort_8plus.km_q3_days",
    };

    public static bool DependsOnAsOf(string key) => Keys.Contains(key);
}
