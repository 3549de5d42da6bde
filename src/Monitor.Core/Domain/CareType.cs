namespace Monitor.Core.Domain;

/// <summary>The canonical kinds of care of PROTOCOL.md section 1. The numeric values are stored in the
/// database (schema/0001), so never renumber them.</summary>
public enum CareType : byte
{
    Verblijf = 1,
    Gezinshuis = 2,
    Gesloten = 3,
    Crisis = 4,
    Pleegzorg = 5,
    KortdurendVerblijf = 6,
    Ambulant = 7,
}

public static class CareTypes
{
    public static readonly IReadOnlyList<CareType> All = Enum.GetValues<CareType>();

    /// <summary>The protocol's default residential set: foster care and respite are left out, as in the
    /// seeds' baseline ("exclusief pleegzorg en kortdurend verblijf").</summary>
    public static readonly IReadOnlyList<CareType> DefaultResidentialSet =
        [CareType.Verblijf, CareType.Gezinshuis, CareType.Gesloten, CareType.Crisis];

    /// <summary>The word the protocol and the files use for a care type.</summary>
    public static string Word(this CareType type) => type switch
    {
        CareType.Verblijf => "verblijf",
        CareType.Gezinshuis => "gezinshuis",
        CareType.Gesloten => "gesloten",
        CareType.Crisis => "crisis",
        CareType.Pleegzorg => "pleegzorg",
        CareType.KortdurendVerblijf => "kortdurend_verblijf",
        CareType.Ambulant => "ambulant",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Reads a canonical care-type word, case-insensitively. Codes are not words: see <see cref="CareTypeMapping"/>.</summary>
    public static bool TryParseWord(string? text, out CareType type)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(text, candidate.Word(), StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }

    /// <summary>Parses a comma-separated list of care-type words, as given to <c>--residential-set</c>.</summary>
    public static IReadOnlyList<CareType> ParseSet(string text)
    {
        var set = new List<CareType>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParseWord(part, out var type))
                throw new FormatException($"'{part}' is not a care type; use {string.Join(", ", All.Select(t => t.Word()))}");
            if (!set.Contains(type)) set.Add(type);
        }
        if (set.Count == 0) throw new FormatException("the residential set is empty");
        return set;
    }
}
