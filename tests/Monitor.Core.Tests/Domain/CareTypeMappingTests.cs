using Monitor.Core.Domain;

namespace Monitor.Core.Tests.Domain;

/// <summary>PROTOCOL.md 2.3: canonical words map to themselves, imported codes win over the built-in JZ020 codes.</summary>
public class CareTypeMappingTests
{
    [Theory]
    [InlineData("31", CareType.Ambulant)]
    [InlineData("32", CareType.Ambulant)]
    [InlineData("33", CareType.Ambulant)]
    [InlineData("34", CareType.Ambulant)]
    [InlineData("35", CareType.Pleegzorg)]
    [InlineData("36", CareType.Gezinshuis)]
    [InlineData("37", CareType.Gesloten)]
    [InlineData("38", CareType.Verblijf)]
    [InlineData("43", CareType.Verblijf)]
    [InlineData("44", CareType.Verblijf)]
    [InlineData("46", CareType.Crisis)]
    public void BuiltInCodesAreTheProtocolsList(string code, CareType expected)
    {
        Assert.True(CareTypeMapping.BuiltInOnly.TryMap(code, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("30")]
    [InlineData("39")]
    [InlineData("40")]
    [InlineData("45")]
    [InlineData("47")]
    [InlineData("044")]
    public void OtherCodesMapToNothing(string code) => Assert.False(CareTypeMapping.BuiltInOnly.TryMap(code, out _));

    [Fact]
    public void BuiltInOnlyKnowsElevenCodes() => Assert.Equal(11, CareTypeMapping.BuiltInCodes.Count);

    [Theory]
    [InlineData("verblijf", CareType.Verblijf)]
    [InlineData("GESLOTEN", CareType.Gesloten)]
    [InlineData("Kortdurend_Verblijf", CareType.KortdurendVerblijf)]
    [InlineData("ambulant", CareType.Ambulant)]
    public void CanonicalWordsMapToThemselvesCaseInsensitively(string word, CareType expected)
    {
        Assert.True(CareTypeMapping.BuiltInOnly.TryMap(word, out var type));
        Assert.Equal(expected, type);
    }

    [Fact]
    public void ImportedCodeOverridesABuiltInCode()
    {
        var mapping = new CareTypeMapping([new("44", CareType.Gesloten)]);
        Assert.True(mapping.TryMap("44", out var type));
        Assert.Equal(CareType.Gesloten, type);
    }

    [Fact]
    public void ImportedCodeCannotRedefineACanonicalWord()
    {
        var mapping = new CareTypeMapping([new("verblijf", CareType.Ambulant)]);
        Assert.True(mapping.TryMap("verblijf", out var type));
        Assert.Equal(CareType.Verblijf, type);
    }

    [Fact]
    public void ImportedCodesAreCaseInsensitive()
    {
        var mapping = new CareTypeMapping([new("P-GZH", CareType.Gezinshuis)]);
        Assert.True(mapping.TryMap("p-gzh", out var type));
        Assert.Equal(CareType.Gezinshuis, type);
    }

    [Fact]
    public void WithAddsACodeToACopyOnly()
    {
        var original = CareTypeMapping.BuiltInOnly;
        var extended = original.With("X1", CareType.Crisis);
        Assert.True(extended.TryMap("X1", out var type));
        Assert.Equal(CareType.Crisis, type);
        Assert.False(original.TryMap("X1", out _));
    }

    [Fact]
    public void ResidentialSetParsesWordsAndDropsRepeats() =>
        Assert.Equal([CareType.Verblijf, CareType.Pleegzorg], CareTypes.ParseSet(" verblijf, Pleegzorg ,verblijf"));

    [Theory]
    [InlineData("verblijf,44")]
    [InlineData("")]
    [InlineData(" , ")]
    public void ResidentialSetOfCodesOrNothingIsRefused(string text) => Assert.Throws<FormatException>(() => CareTypes.ParseSet(text));

    [Fact]
    public void DefaultResidentialSetLeavesOutFosterCareAndRespite() =>
        Assert.Equal([CareType.Verblijf, CareType.Gezinshuis, CareType.Gesloten, CareType.Crisis], CareTypes.DefaultResidentialSet);
}
