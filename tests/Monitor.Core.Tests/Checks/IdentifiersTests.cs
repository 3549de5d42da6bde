using Monitor.Core.Checks;

namespace Monitor.Core.Tests.Checks;

/// <summary>PROTOCOL.md 2 and 3.1: BSN (9 digits, elfproef, not 000000000), municipality (4 digits, optional GM),
/// provider (8 digits).</summary>
public class IdentifiersTests
{
    [Theory]
    [InlineData("123456782")] // 9·1+8·2+7·3+6·4+5·5+4·6+3·7+2·8 − 2 = 154 = 14·11
    [InlineData("111222333")] // 9+8+7+12+10+8+9+6 − 3 = 66 = 6·11
    [InlineData("012345672")] // 0+8+14+18+20+20+18+14 − 2 = 110 = 10·11; leading zero kept
    public void BsnPassingTheElfproefIsValid(string bsn) => Assert.Null(Identifiers.CheckBsn(bsn));

    [Theory]
    [InlineData("123456789")] // 9+16+21+24+25+24+21+16 − 9 = 147, 147 mod 11 = 4
    [InlineData("123456783")] // 156 − 3 = 153, 153 mod 11 = 10
    [InlineData("111222334")] // 69 − 4 = 65, 65 mod 11 = 10
    public void BsnFailingTheElfproefIsRefused(string bsn) => Assert.Equal(Reasons.BsnElfproef, Identifiers.CheckBsn(bsn));

    [Theory]
    [InlineData("12345678")] // 8 digits (a lost leading zero)
    [InlineData("1234567820")]
    [InlineData("12345678a")]
    [InlineData("1234 5678")]
    [InlineData("")]
    public void BsnThatIsNotNineDigitsIsRefused(string bsn) => Assert.Equal(Reasons.BsnNotNineDigits, Identifiers.CheckBsn(bsn));

    [Fact]
    public void AllZeroBsnIsRefusedAlthoughItPassesTheElfproef() =>
        Assert.Equal(Reasons.BsnZero, Identifiers.CheckBsn("000000000")); // weighted sum 0 is divisible by 11

    [Theory]
    [InlineData("0193", 193)]
    [InlineData("GM0193", 193)]
    [InlineData("gm0193", 193)]
    [InlineData("Gm0153", 153)]
    [InlineData("0402", 402)]
    public void MunicipalityIsFourDigitsWithOptionalGmPrefix(string text, int code)
    {
        Assert.True(Identifiers.TryParseMunicipality(text, out var parsed));
        Assert.Equal(code, parsed);
    }

    [Theory]
    [InlineData("193")]
    [InlineData("01934")]
    [InlineData("GM193")]
    [InlineData("GM01934")]
    [InlineData("XX0193")]
    [InlineData("019a")]
    [InlineData("")]
    public void MunicipalityOfTheWrongFormIsRefused(string text) => Assert.False(Identifiers.TryParseMunicipality(text, out _));

    [Theory]
    [InlineData("41000011", 41000011)]
    [InlineData("06000015", 6000015)]
    public void ProviderIsEightDigits(string text, int code)
    {
        Assert.True(Identifiers.TryParseProvider(text, out var parsed));
        Assert.Equal(code, parsed);
    }

    [Theory]
    [InlineData("6000015")]
    [InlineData("410000111")]
    [InlineData("4100001A")]
    [InlineData("41-00001")]
    public void ProviderOfTheWrongFormIsRefused(string text) => Assert.False(Identifiers.TryParseProvider(text, out _));
}
