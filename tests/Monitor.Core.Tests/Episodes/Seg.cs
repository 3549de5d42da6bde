using System.Globalization;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;

namespace Monitor.Core.Tests.Episodes;

/// <summary>Concise builders for <see cref="Segment"/> values and <see cref="EpisodeRules"/> in tests.</summary>
internal static class Seg
{
    private static long _nextId;

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A segment of <paramref name="youth"/> at <paramref name="provider"/>; <paramref name="end"/> null = running.</summary>
    public static Segment Make(int youth, int provider, string start, string? end, CareType care = CareType.Verblijf,
        decimal? amount = null, int municipality = 193, string birth = "2008-01-01", string? product = null) =>
        new(Interlocked.Increment(ref _nextId), youth, D(birth), municipality, provider, care, product,
            D(start), end is null ? null : D(end), amount);

    public static EpisodeRules Rules(string asOf, int gap = EpisodeRules.DefaultGapDays,
        IReadOnlyCollection<CareType>? set = null, TariffTable? tariffs = null) =>
        new(D(asOf), gap, set ?? CareTypes.DefaultResidentialSet, tariffs ?? TariffTable.Empty);

    public static IReadOnlyList<Episode> Build(EpisodeRules rules, params Segment[] segments) =>
        EpisodeBuilder.Build(segments, rules).Episodes;

    /// <summary>Involvement as a provider → days map, for short asserts.</summary>
    public static Dictionary<int, int> InvolvementOf(Episode episode) =>
        episode.Involvement.ToDictionary(i => i.Provider, i => i.Days);
}
