using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Episodes;

/// <summary>
/// The youths K01–K08 of /work/shared/examples/case-01-rules (rijm.csv, without the duplicate line 27),
/// as the store would hold them: youth id n is Kn. The README there computes every figure by hand.
/// </summary>
internal static class Case01
{
    public const string AsOf = "2021-09-30";

    public static Segment[] K01 =>
    [
        Make(1, 41000011, "2020-01-06", "2020-02-29", CareType.Verblijf, 8100.00m, 193, "2006-04-12", "41A01"),
        Make(1, 41000022, "2020-03-01", "2020-04-30", CareType.Verblijf, 9150.00m, 193, "2006-04-12", "41A01"),
        Make(1, 41000011, "2020-05-08", "2020-06-30", CareType.Verblijf, 8000.00m, 193, "2006-04-12", "41A01"),
        Make(1, 41000033, "2020-07-09", "2020-07-20", CareType.Crisis, 2520.00m, 193, "2006-04-12", "43A01"),
    ];

    public static Segment[] K02 =>
    [
        Make(2, 41000011, "2019-10-01", "2020-08-31", CareType.Verblijf, 50000.00m, 150, "2009-07-20", "41A01"),
        Make(2, 6000015, "2020-02-01", "2020-03-15", CareType.Verblijf, 12000.00m, 150, "2009-07-20", "54A21"),
        Make(2, 41000044, "2020-08-15", "2021-03-31", CareType.Gezinshuis, null, 150, "2009-07-20", "41G01"),
    ];

    public static Segment[] K03 =>
    [
        Make(3, 45000016, "2020-11-01", "2021-05-31", CareType.Verblijf, 31000.00m, 164, "2005-02-28", "41A03"),
        Make(3, 41000022, "2021-06-01", null, CareType.Verblijf, 18000.00m, 164, "2005-02-28", "41A01"),
        Make(3, 6000015, "2021-09-01", "2021-12-31", CareType.Verblijf, 20000.00m, 164, "2005-02-28", "54A21"),
        Make(3, 41000044, "2021-10-15", "2022-06-30", CareType.Gezinshuis, 10000.00m, 164, "2005-02-28", "41G01"),
    ];

    public static Segment[] K04 =>
    [
        Make(4, 41000055, "2019-03-01", null, CareType.Pleegzorg, null, 193, "2010-09-09", "40P01"),
        Make(4, 45000016, "2020-06-05", "2020-06-07", CareType.KortdurendVerblijf, 450.00m, 193, "2010-09-09", "40K01"),
        Make(4, 73000017, "2020-01-01", "2020-12-31", CareType.Ambulant, 3600.00m, 193, "2010-09-09", "45A10"),
    ];

    public static Segment[] K05 =>
    [
        Make(5, 41000022, "2018-05-01", "2019-04-30", CareType.Verblijf, 45000.00m, 153, "2004-11-30", "41A01"),
        Make(5, 41000033, "2020-09-01", "2020-09-14", CareType.Crisis, 2940.00m, 153, "2004-11-30", "43A01"),
        Make(5, 41000011, "2020-09-15", "2021-02-28", CareType.Verblijf, 25000.00m, 153, "2004-11-30", "41A01"),
        Make(5, 73000017, "2020-10-01", "2020-12-31", CareType.Ambulant, 900.00m, 153, "2004-11-30", "45A10"),
        Make(5, 73000017, "2021-03-01", "2021-08-31", CareType.Ambulant, 2400.00m, 153, "2004-11-30", "45A10"),
    ];

    public static Segment[] K06 =>
    [
        Make(6, 41999999, "2020-12-28", "2021-01-01", CareType.Verblijf, 750.00m, 153, "2008-03-15", "41A09"),
    ];

    public static Segment[] K07 =>
    [
        Make(7, 41000044, "2017-03-01", "2020-12-31", CareType.Gezinshuis, 150000.00m, 402, "2007-01-01", "41G01"),
        Make(7, 6000015, "2017-03-01", "2017-03-31", CareType.Verblijf, 9000.00m, 402, "2007-01-01", "54A21"),
        Make(7, 41000011, "2021-01-01", null, CareType.Verblijf, 40000.00m, 193, "2007-01-01", "41A01"),
    ];

    public static Segment[] K08 =>
    [
        Make(8, 41000022, "2019-06-01", "2019-12-31", CareType.Verblijf, 21000.00m, 150, "2011-05-05", "41A01"),
        Make(8, 41000011, "2020-01-05", "2020-03-31", CareType.Verblijf, 13000.00m, 150, "2011-05-05", "41A01"),
    ];

    public static Segment[] All => [.. K01, .. K02, .. K03, .. K04, .. K05, .. K06, .. K07, .. K08];

    public static TariffTable Tariffs => new(
    [
        new TariffRow(CareType.Verblijf, 2020, 150.00m),
        new TariffRow(CareType.Verblijf, 2021, 155.00m),
        new TariffRow(CareType.Gezinshuis, 2020, 120.00m),
        new TariffRow(CareType.Gezinshuis, 2021, 124.00m),
        new TariffRow(CareType.Crisis, 2020, 210.00m),
        new TariffRow(CareType.Crisis, 2021, 216.00m),
    ]);

    public static ReferenceData Reference => new(
    [
        new RegionRow(150, "Deventer", "IJsselland"),
        new RegionRow(193, "Zwolle", "IJsselland"),
        new RegionRow(153, "Enschede", "Twente"),
        new RegionRow(164, "Hengelo", "Twente"),
        new RegionRow(402, "Hilversum", "Gooi en Vechtstreek"),
    ],
    [
        new ProviderRow(41000011, "Jeugdhulp De Horst", Sector.JO),
        new ProviderRow(41000022, "Stichting Het Erf", Sector.JO),
        new ProviderRow(41000033, "Crisisopvang De Brug", Sector.JO),
        new ProviderRow(41000044, "Gezinshuis De Linde", Sector.JO),
        new ProviderRow(41000055, "Pleegzorg De Haven", Sector.JO),
        new ProviderRow(6000015, "GGZ Jeugdkliniek Noord", Sector.GGZ),
        new ProviderRow(45000016, "LVB Wonen Zuid", Sector.LVB),
        new ProviderRow(73000017, "Ambulant Team West", Sector.Overig),
    ]);

    public static EpisodeRules Rules(int gap = 7) => Seg.Rules(AsOf, gap, tariffs: Tariffs);
}
