namespace Monitor.Core.Domain;

/// <summary>
/// Maps a <c>zorgsoort</c> or <c>hulpvorm</c> value to a canonical care type (PROTOCOL.md 2.3):
/// a canonical word always maps to itself; otherwise an imported <c>caretypes</c> code wins over a
/// built-in one; anything else maps to nothing and the row is refused.
/// </summary>
public sealed class CareTypeMapping
{
    /// <summary>The iJw product categories of code list JZ020 (iStandaarden) that the product knows by itself.</summary>
    public static readonly IReadOnlyDictionary<string, CareType> BuiltInCodes = new Dictionary<string, CareType>
    {
        ["31"] = CareType.Ambulant,
        ["32"] = CareType.Ambulant,
        ["33"] = CareType.Ambulant,
        ["34"] = CareType.Ambulant,
        ["35"] = CareType.Pleegzorg,
        ["36"] = CareType.Gezinshuis,
        ["37"] = CareType.Gesloten,
        ["38"] = CareType.Verblijf,
        ["43"] = CareType.Verblijf,
        ["44"] = CareType.Verblijf,
        ["46"] = CareType.Crisis,
    };

    private readonly Dictionary<string, CareType> _imported;

    public CareTypeMapping(IEnumerable<KeyValuePair<string, CareType>> importedCodes)
    {
        _imported = new Dictionary<string, CareType>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, type) in importedCodes) _imported[code] = type;
    }

    public static CareTypeMapping BuiltInOnly { get; } = new([]);

    public bool TryMap(string value, out CareType type)
    {
        if (CareTypes.TryParseWord(value, out type)) return true;
        if (_imported.TryGetValue(value, out type)) return true;
        return BuiltInCodes.TryGetValue(value, out type);
    }

    /// <summary>A copy that also knows <paramref name="code"/>: used while a caretypes file imports.</summary>
    public CareTypeMapping With(string code, CareType type)
    {
        var copy = new CareTypeMapping(_imported);
        copy._imported[code] = type;
        return copy;
    }
}
