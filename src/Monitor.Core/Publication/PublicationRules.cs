namespace Monitor.Core.Publication;

/// <summary>Why a figure is not shown.</summary>
public enum Hidden
{
    /// <summary>Shown.</summary>
    No,

    /// <summary>A count from 1 to T−1: shown as "&lt;T".</summary>
    SmallCount,

    /// <summary>Hidden so that another hidden count cannot be recovered by subtraction.</summary>
    Secondary,

    /// <summary>A statistic over fewer than T youths.</summary>
    TooFewYouths,

    /// <summary>A share whose numerator or denominator is hidden, or whose denominator is below T.</summary>
    Share,

    /// <summary>A difference of which one side is hidden.</summary>
    Difference,

    /// <summary>A figure that belongs to another (a bound of its interval), which is hidden.</summary>
    WithItsFigure,
}

/// <summary>A figure as published: its value, or why it is hidden.</summary>
public readonly record struct PublishedFigure(Figure Figure, Hidden Hidden)
{
    public bool Shown => Hidden == Hidden.No;

    /// <summary>The value a reader may see: null when hidden or when there is none.</summary>
    public double? Value => Shown ? Figure.Value : null;
}

/// <summary>
/// The rules of PROTOCOL.md 8 in one place. Everything a report, its tables, charts, captions and
/// <c>published.json</c> show goes through <see cref="Apply"/>, so no output can show what another hides.
/// </summary>
/// <param name="Threshold">T: counts from 1 to T−1 are hidden, statistics need T youths, shares a denominator of T.</param>
public sealed record PublicationRules(int Threshold = PublicationRules.DefaultThreshold)
{
    public const int DefaultThreshold = 10;

    public int Threshold { get; } = Threshold >= 2 ? Threshold : throw new ArgumentOutOfRangeException(nameof(Threshold), "the threshold is at least 2");

    public bool IsSmallCount(double? count) => count is > 0 && count < Threshold;

    public Published Apply(FigureSet set)
    {
        var hidden = new Dictionary<string, Hidden>(StringComparer.Ordinal);
        foreach (var f in set.Figures)
        {
            hidden[f.Key] = f.Kind switch
            {
                FigureKind.Count when IsSmallCount(f.Value) => Hidden.SmallCount,
                FigureKind.Statistic when f.Value is not null && f.Youths < Threshold => Hidden.TooFewYouths,
                _ => Hidden.No,
            };
        }
        SuppressSecondary(set, hidden);
        // Shares, differences and figures that belong to another rest on figures whose fate must be settled first:
        // each is decided after what it rests on, in whatever order they were added (a difference of two
        // differences, the bound of a difference).
        var decided = new Dictionary<string, Hidden>(StringComparer.Ordinal);
        var deciding = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in set.Figures) Decide(f.Key);
        return new Published(set, decided, Threshold);

        Hidden Decide(string key)
        {
            if (decided.TryGetValue(key, out var known)) return known;
            if (!deciding.Add(key)) throw new InvalidOperationException($"figure '{key}' rests on itself");
            var f = set[key];
            var h = f.Kind switch
            {
                FigureKind.Share => f.Value is null || Shown(f.Numerator!) && Shown(f.Denominator!) && set[f.Denominator!].Value >= Threshold
                    ? Hidden.No : Hidden.Share,
                // A percentage change of a count is a share of it: the count it is a percentage of needs T.
                FigureKind.Difference => f.Value is null || Shown(f.From!) && Shown(f.To!)
                                         && (f.Denominator is null || set[f.Denominator].Kind != FigureKind.Count || set[f.Denominator].Value >= Threshold)
                    ? Hidden.No : Hidden.Difference,
                _ => hidden[key],
            };
            if (h == Hidden.No && f.Of is { } of && !Shown(of)) h = Hidden.WithItsFigure;
            deciding.Remove(key);
            return decided[key] = h;
        }

        bool Shown(string key) => set.Contains(key) ? Decide(key) == Hidden.No : throw new KeyNotFoundException($"no figure '{key}'");
    }

    /// <summary>
    /// No recovery by subtraction. First the protocol's rule: wherever the members of a sum relation include
    /// exactly one hidden count, hide a second one — the smallest other non-zero part, else the total — and
    /// repeat, since a cell hidden for one relation can leave a single hidden one in another. Then, since
    /// several relations together can still pin a hidden count down, an exact audit of all of them
    /// (<see cref="SubtractionAudit"/>): while it finds a hidden count that follows from the shown ones, one
    /// more cell of a relation it is in is hidden.
    /// </summary>
    private static void SuppressSecondary(FigureSet set, Dictionary<string, Hidden> hidden)
    {
        while (true)
        {
            while (HideSecondInALoneRelation(set, hidden))
            {
            }
            var determined = SubtractionAudit.Determined(set.Relations, k => hidden[k] != Hidden.No);
            if (determined.Count == 0) return;
            var key = determined.Order(StringComparer.Ordinal).First();
            var next = set.Relations.Where(r => r.Members.Contains(key))
                .SelectMany(r => r.Parts)
                .Where(k => hidden[k] == Hidden.No && set[k].Value is > 0)
                .OrderBy(k => set[k].Value).ThenBy(k => k, StringComparer.Ordinal).FirstOrDefault()
                ?? set.Relations.Where(r => r.Members.Contains(key)).Select(r => r.Total).FirstOrDefault(k => hidden[k] == Hidden.No);
            if (next is null) return; // every member of its relations is hidden or zero: nothing more to hide
            hidden[next] = Hidden.Secondary;
        }
    }

    /// <summary>One pass of the protocol's rule over the relations; whether it hid anything.</summary>
    private static bool HideSecondInALoneRelation(FigureSet set, Dictionary<string, Hidden> hidden)
    {
        var changed = false;
        foreach (var relation in set.Relations)
        {
            if (relation.Members.Count(k => hidden[k] != Hidden.No) != 1) continue;
            // A zero part hidden beside it would protect nothing: the reader knows the hidden ones add up to
            // the same number either way, and a hidden 0 next to "<10" is no real second unknown.
            var next = relation.Parts.Where(k => hidden[k] == Hidden.No && set[k].Value is > 0)
                .OrderBy(k => set[k].Value).ThenBy(k => k, StringComparer.Ordinal).FirstOrDefault();
            if (next is null && hidden[relation.Total] == Hidden.No) next = relation.Total;
            // Otherwise only the total is hidden and every part is 0: then the total is 0 and was never hidden.
            if (next is null) continue;
            hidden[next] = Hidden.Secondary;
            changed = true;
        }
        return changed;
    }
}

/// <summary>Every figure of a <see cref="FigureSet"/> as the rules let it be published.</summary>
public sealed class Published(FigureSet set, IReadOnlyDictionary<string, Hidden> hidden, int threshold)
{
    public int Threshold { get; } = threshold;

    public FigureSet Set { get; } = set;

    public PublishedFigure this[string key] => new(Set[key], hidden[key]);

    public bool IsShown(string key) => hidden[key] == Hidden.No;

    public IEnumerable<PublishedFigure> All => Set.Figures.Select(f => new PublishedFigure(f, hidden[f.Key]));
}
