using Monitor.Core.Checks;
using Monitor.Core.Domain;

namespace Monitor.Core.Tests.Checks;

/// <summary>PROTOCOL.md 3.1: a duplicate has the same youth, provider, canonical care type, product code (missing
/// equals empty), start and end.</summary>
public class DuplicateRowTests
{
    private static readonly DateOnly Start = new(2020, 9, 15), End = new(2021, 2, 28);

    private static CheckedSegment Row(string careCode = "verblijf", string? product = null, decimal? amount = 25000m) =>
        new(18, "key", new DateOnly(2004, 11, 30), 'M', 153, 41000011, "Jeugdhulp De Horst", product, careCode,
            CareType.Verblijf, Start, End, amount, null, null, null);

    [Fact]
    public void SameYouthProviderCareTypeProductStartAndEndIsADuplicate() =>
        Assert.True(Row(product: "41A01").SameSegmentAs("key", 41000011, CareType.Verblijf, "41A01", Start, End));

    [Fact]
    public void MissingProductCodeEqualsEmpty() =>
        Assert.True(Row(product: null).SameSegmentAs("key", 41000011, CareType.Verblijf, "", Start, End));

    [Fact]
    public void CanonicalCareTypeCountsNotTheCodeAsWritten() =>
        // written as the code 44, stored as verblijf: a later "verblijf" row is the same segment
        Assert.True(Row(careCode: "44").SameSegmentAs("key", 41000011, CareType.Verblijf, null, Start, End));

    [Fact]
    public void AmountPlaysNoPart() =>
        Assert.True(Row(amount: null).SameSegmentAs("key", 41000011, CareType.Verblijf, null, Start, End));

    [Fact]
    public void AnyOtherDifferenceIsAnotherSegment()
    {
        var row = Row();
        Assert.False(row.SameSegmentAs("other", 41000011, CareType.Verblijf, null, Start, End));
        Assert.False(row.SameSegmentAs("key", 41000022, CareType.Verblijf, null, Start, End));
        Assert.False(row.SameSegmentAs("key", 41000011, CareType.Gezinshuis, null, Start, End));
        Assert.False(row.SameSegmentAs("key", 41000011, CareType.Verblijf, "41A01", Start, End));
        Assert.False(row.SameSegmentAs("key", 41000011, CareType.Verblijf, null, Start.AddDays(1), End));
        Assert.False(row.SameSegmentAs("key", 41000011, CareType.Verblijf, null, Start, null)); // running vs ended
    }
}
