using Monitor.Core.Domain;

namespace Monitor.Core.Episodes;

/// <summary>
/// Tariffs per day by care type and calendar year (PROTOCOL.md 2.3). A segment without a billed amount
/// costs, for each calendar year, its days in that year (censored at the as-of date) times that year's
/// tariff; years without a tariff add nothing.
/// </summary>
public sealed class TariffTable
{
    private readonly Dictionary<(CareType, int), decimal> _perDay = new();

    public TariffTable(IEnumerable<TariffRow> rows)
    {
        foreach (var row in rows) _perDay[(row.CareType, row.Year)] = row.PerDay;
    }

    public static TariffTable Empty { get; } = new([]);

    /// <summary>The tariff cost of days <paramref name="from"/>..<paramref name="to"/> (inclusive), or null
    /// when no day of it has a tariff.</summary>
    public decimal? Cost(CareType careType, DateOnly from, DateOnly to)
    {
        decimal? total = null;
        for (var year = from.Year; year <= to.Year; year++)
        {
            if (!_perDay.TryGetValue((careType, year), out var perDay)) continue;
            var first = year == from.Year ? from : new DateOnly(year, 1, 1);
            var last = year == to.Year ? to : new DateOnly(year, 12, 31);
            total = (total ?? 0) + perDay * (last.DayNumber - first.DayNumber + 1);
        }
        return total;
    }
}
