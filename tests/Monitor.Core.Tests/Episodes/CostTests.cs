using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Episodes;

/// <summary>PROTOCOL.md 2.3 and 4, cost_eur: bedrag as billed (not censored); else the tariff cost by calendar year,
/// censored at the as-of date, only for years with a tariff; else 0 and the segment is counted.</summary>
public class CostTests
{
    private const int A = 41000011, B = 41000022;

    private static TariffTable Tariffs(params (CareType Care, int Year, decimal PerDay)[] rows) =>
        new(rows.Select(r => new TariffRow(r.Care, r.Year, r.PerDay)));

    [Fact]
    public void K02CostsBilledAmountsPlusTariffCost()
    {
        // line 8 has no bedrag: 139 days in 2020 × 120,00 + 90 days in 2021 × 124,00 = 16,680 + 11,160 = 27,840
        // 50,000 + 12,000 + 27,840 = 89,840
        var e = Assert.Single(Build(Case01.Rules(), Case01.K02));
        Assert.Equal(89840.00m, e.Cost);
        Assert.Equal(0, e.SegmentsWithoutCost);
    }

    [Fact]
    public void BilledAmountCountsInFullAlthoughTheSegmentRunsPastTheAsOfDate() =>
        // K03: 31,000 + 18,000 + 20,000; line 11 runs to 31 Dec 2021, past the as-of date, yet counts in full
        Assert.Equal(69000.00m, Assert.Single(Build(Case01.Rules(), Case01.K03)).Cost);

    [Fact]
    public void K01CostsPerEpisodeWithGap7AndGap0()
    {
        Assert.Equal([25250.00m, 2520.00m], Build(Case01.Rules(7), Case01.K01).Select(e => e.Cost)); // 8,100 + 9,150 + 8,000
        Assert.Equal([17250.00m, 8000.00m, 2520.00m], Build(Case01.Rules(0), Case01.K01).Select(e => e.Cost));
    }

    [Fact]
    public void TariffCostIsCensoredAtTheAsOfDate()
    {
        // open from 1 Jan 2021, seen on 31 Mar 2021: 90 days × 124,00 = 11,160
        var e = Assert.Single(Build(Rules("2021-03-31", tariffs: Tariffs((CareType.Gezinshuis, 2021, 124.00m))),
            Make(1, A, "2021-01-01", null, CareType.Gezinshuis)));
        Assert.Equal(11160.00m, e.Cost);
    }

    [Fact]
    public void TariffCostSplitsByCalendarYear()
    {
        // 31 Dec 2019 – 1 Jan 2020: 1 day × 100 + 1 day × 150
        var e = Assert.Single(Build(Rules("2021-12-31", tariffs: Tariffs((CareType.Verblijf, 2019, 100m), (CareType.Verblijf, 2020, 150m))),
            Make(1, A, "2019-12-31", "2020-01-01")));
        Assert.Equal(250m, e.Cost);
    }

    [Fact]
    public void YearsWithoutATariffAddNothing()
    {
        // 1 Dec 2019 – 31 Jan 2021, only a 2020 tariff: 366 days × 120,00 = 43,920; December 2019 and January 2021 add 0
        var e = Assert.Single(Build(Rules("2021-12-31", tariffs: Tariffs((CareType.Gezinshuis, 2020, 120.00m))),
            Make(1, A, "2019-12-01", "2021-01-31", CareType.Gezinshuis)));
        Assert.Equal(43920.00m, e.Cost);
        Assert.Equal(0, e.SegmentsWithoutCost);
    }

    [Fact]
    public void SegmentWithoutAmountAndWithoutAnyTariffCountsAsWithoutCost()
    {
        // a tariff for verblijf does not price gesloten: the gesloten segment adds 0 and is counted
        var e = Assert.Single(Build(Rules("2021-12-31", tariffs: Tariffs((CareType.Verblijf, 2020, 150m))),
            Make(1, A, "2020-01-01", "2020-01-31", CareType.Verblijf, amount: 1000m),
            Make(1, B, "2020-01-15", "2020-02-15", CareType.Gesloten)));
        Assert.Equal(1000m, e.Cost);
        Assert.Equal(1, e.SegmentsWithoutCost);
    }

    [Fact]
    public void SegmentWithoutAmountWhoseYearsHaveNoTariffCountsAsWithoutCost()
    {
        // a 2021 tariff does not price days in 2020
        var e = Assert.Single(Build(Rules("2021-12-31", tariffs: Tariffs((CareType.Verblijf, 2021, 155m))),
            Make(1, A, "2020-01-01", "2020-01-31")));
        Assert.Equal(0m, e.Cost);
        Assert.Equal(1, e.SegmentsWithoutCost);
    }

    [Fact]
    public void BilledZeroIsAnAmountNotAMissingOne()
    {
        // bedrag 0,00 wins over the tariff and is not counted as without cost
        var e = Assert.Single(Build(Rules("2021-12-31", tariffs: Tariffs((CareType.Verblijf, 2020, 150m))),
            Make(1, A, "2020-01-01", "2020-01-31", amount: 0m)));
        Assert.Equal(0m, e.Cost);
        Assert.Equal(0, e.SegmentsWithoutCost);
    }

    [Fact]
    public void MoneyIsSummedExactly()
    {
        // 0.1 + 0.2 + 0.0001 as decimals: exactly 0.3001 (as doubles 0.1 + 0.2 is 0.30000000000000004)
        var e = Assert.Single(Build(Rules("2021-12-31"),
            Make(1, A, "2020-01-01", "2020-01-31", amount: 0.1m), Make(1, B, "2020-01-05", "2020-01-10", amount: 0.2m),
            Make(1, B, "2020-01-11", "2020-01-12", amount: 0.0001m)));
        Assert.Equal(0.3001m, e.Cost);
    }

    [Fact]
    public void TariffTableCostIsNullWithoutAnyTariffedDay()
    {
        var table = Tariffs((CareType.Verblijf, 2020, 150m));
        Assert.Null(table.Cost(CareType.Verblijf, D("2021-01-01"), D("2021-12-31")));
        Assert.Null(table.Cost(CareType.Crisis, D("2020-01-01"), D("2020-12-31")));
        Assert.Equal(150m * 366, table.Cost(CareType.Verblijf, D("2019-06-01"), D("2021-06-01"))); // all of leap year 2020
    }

    [Fact]
    public void LaterTariffRowForTheSameKeyWins() =>
        Assert.Equal(160m, Tariffs((CareType.Verblijf, 2020, 150m), (CareType.Verblijf, 2020, 160m)).Cost(CareType.Verblijf, D("2020-05-01"), D("2020-05-01")));
}
