namespace Monitor.Core.Statistics;

/// <summary>
/// One subject's observed time to exit, in whole days (protocol section 5: the time axis is
/// <c>duration_days</c>, so in practice at least 1).
/// </summary>
/// <param name="Days">Observed time, <c>&gt;= 0</c>.</param>
/// <param name="Event">
/// <c>true</c> when the exit was observed (the episode closed by the as-of date); <c>false</c> when the
/// time is censored (still ongoing), so we only know the stay lasts at least <paramref name="Days"/>.
/// </param>
public readonly record struct SurvivalTime(int Days, bool Event);
