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
        Assert.Equal(new DuplicateKey(41000011, CareType.Verblijf, "41A01", Start, End), Row(product: "41A01").DuplicateKey);

    [Fact]
    public void MissingProductCodeEqualsEmpty() =>
        Assert.Equal(new DuplicateKey(41000011, CareType.Verblijf, "", Start, End), Row(product: null).DuplicateKey);

    [Fact]
    public void CanonicalCareTypeCountsNotTheCodeAsWritten() =>
        // written as the code 44, stored as verblijf: a later "verblijf" row is the same segment
        Assert.Equal(Row(careCode: "verblijf").DuplicateKey, Row(careCode: "44").DuplicateKey);

    [Fact]
    public void AmountPlaysNoPart() =>
        Assert.Equal(Row().DuplicateKey, Row(amount: null).DuplicateKey);

    [Fact]
    public void AnyOtherDifferenceIsAnotherSegment()
    {
        var key = Row().DuplicateKey;
        Assert.NotEqual(new DuplicateKey(41000022, CareType.Verblijf, null, Start, End), key);
        Assert.NotEqual(new DuplicateKey(41000011, CareType.Gezinshuis, null, Start, End), key);
        Assert.NotEqual(new DuplicateKey(41000011, CareType.Verblijf, "41A01", Start, End), key);
        Assert.NotEqual(new DuplicateKey(41000011, CareType.Verblijf, null, Start.AddDays(1), End), key);
        Assert.NotEqual(new DuplicateKey(41000011, CareType.Verblijf, null, Start, null), key); // running vs ended
        // The youth is not in the key: the import compares a youth's rows only with that youth's rows
        // (ImportTests shows two youths' equal segments both stored).
    }
}
