namespace Monitor.Core.Publication;

/// <summary>
/// Every figure a publication shows, and how they relate, gathered before anything is written, so the
/// rules of PROTOCOL.md 8 can be applied once to all of them (<see cref="PublicationRules"/>).
/// </summary>
public sealed class FigureSet
{
    private readonly Dictionary<string, Figure> _figures = new(StringComparer.Ordinal);
    private readonly List<SumRelation> _relations = [];

    public IReadOnlyCollection<Figure> Figures => _figures.Values;
    public IReadOnlyList<SumRelation> Relations => _relations;

    public bool Contains(string key) => _figures.ContainsKey(key);

    public Figure this[string key] => _figures.TryGetValue(key, out var f) ? f : throw new KeyNotFoundException($"no figure '{key}'");

    /// <summary>Adds a figure. The same key added twice must mean the same figure: one name, one value.</summary>
    public FigureSet Add(Figure figure)
    {
        if (figure.Of is { } of)
        {
            if (figure.Kind == FigureKind.Count) throw new InvalidOperationException($"count '{figure.Key}' cannot belong to another figure");
            if (!Contains(of)) throw new KeyNotFoundException($"'{figure.Key}' belongs to '{of}', which is not in the set");
        }
        if (_figures.TryGetValue(figure.Key, out var existing))
        {
            if (existing != figure) throw new InvalidOperationException($"figure '{figure.Key}' added twice with different content");
            return this;
        }
        _figures[figure.Key] = figure;
        return this;
    }

    public FigureSet Count(string key, long value) => Add(new Figure(key, FigureKind.Count, value));

    public FigureSet Statistic(string key, double? value, int youths) => Add(new Figure(key, FigureKind.Statistic, value, youths));

    /// <summary>
    /// A bound of the 95% interval of <paramref name="of"/> (or another figure that only means something beside it):
    /// a statistic over <paramref name="youths"/> youths that is hidden whenever <paramref name="of"/> is hidden, so that
    /// no interval is ever shown next to a hidden figure, and whenever it rests on fewer than T youths itself.
    /// </summary>
    public FigureSet Bound(string key, double? value, string of, int youths) =>
        Add(new Figure(key, FigureKind.Statistic, value, youths, Of: of));

    /// <summary>A share or rate of two counts that are in the set (they need not be shown anywhere themselves).</summary>
    public FigureSet Share(string key, double? value, string numerator, string denominator) =>
        Add(new Figure(key, FigureKind.Share, value, Numerator: numerator, Denominator: denominator));

    /// <summary>The change from one figure to another; relative (a percentage of <paramref name="from"/>) or absolute.</summary>
    public FigureSet Difference(string key, string from, string to, bool relative = false)
    {
        var (a, b) = (this[from].Value, this[to].Value);
        double? value = a is { } x && b is { } y ? relative ? x == 0 ? null : (y - x) / x : y - x : null;
        return Add(new Figure(key, FigureKind.Difference, value, From: from, To: to, Denominator: relative ? from : null));
    }

    /// <summary>
    /// Says that <paramref name="total"/> is the sum of <paramref name="parts"/>: all of them counts, or all of them
    /// additive statistics (a total of days or euros over some youths, never a mean), which a reader can subtract
    /// just as well: residential days per municipality add up to the region's.
    /// </summary>
    public FigureSet Sum(string total, params string[] parts)
    {
        var kind = this[total].Kind;
        if (kind is not (FigureKind.Count or FigureKind.Statistic)) throw new InvalidOperationException($"'{total}' in a sum relation is neither a count nor a sum over youths");
        foreach (var key in parts.Prepend(total))
            if (this[key].Kind != kind) throw new InvalidOperationException($"'{key}' in a sum relation is not a {kind.ToString().ToLowerInvariant()} like its total");
        AddRelation(new SumRelation(total, parts));
        return this;
    }

    /// <summary>Adds every figure and relation of <paramref name="part"/> in its order: the same set as adding them here
    /// one by one. A part can so be made apart (on another thread) and joined afterwards.</summary>
    public FigureSet AddAll(FigureSet part)
    {
        foreach (var figure in part.Figures) Add(figure);
        foreach (var relation in part.Relations) AddRelation(relation);
        return this;
    }

    private void AddRelation(SumRelation relation)
    {
        if (!_relations.Any(r => r.Total == relation.Total && r.Parts.SequenceEqual(relation.Parts))) _relations.Add(relation);
    }
}
