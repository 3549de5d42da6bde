namespace Monitor.Core.Publication;

/// <summary>
/// One key message of the report's summary, as data: which message, which published figures it cites, and
/// what it says of them. The report turns it into a sentence with the words of its language; a test checks
/// the sentence against the figures it cites.
/// </summary>
/// <param name="Name">The message: a figure's protocol key for a change (<c>counts.youths</c>), or <c>caveat.…</c>.</param>
/// <param name="Keys">The published figures the sentence cites, in the order it cites them.</param>
/// <param name="Direction">−1 down, 0 about the same, +1 up (a change); 0 for a caveat.</param>
public sealed record KeyMessage(string Name, IReadOnlyList<string> Keys, int Direction, Judgement Judgement)
{
    public bool IsCaveat => Name.StartsWith("caveat.", StringComparison.Ordinal);
}

/// <summary>What the summary must know besides the figures.</summary>
/// <param name="OneAsOfForTwoPeriods">Both periods read at one as-of date (the design effect of PROTOCOL.md 6).</param>
/// <param name="CoverageWarnings">How many coverage warnings (PROTOCOL.md 3.4) the two measurements carry.</param>
public sealed record SummaryContext(bool OneAsOfForTwoPeriods, int CoverageWarnings);

/// <summary>
/// The summary's three to five key messages, chosen from the <em>published</em> figures only, so a message
/// never cites, or gives away, a hidden one. The rules (docs/decisions.md):
/// <list type="number">
/// <item>Changes, in a fixed order of what policy staff ask first — youths in residential care, residential
/// days per 1,000 youths, how long a new stay lasts (the entry cohort's median, else the mean stay of the
/// exits), entries — each only when both values and the change are published; at most four.</item>
/// <item>A change of less than 2% is "about the same", and judged neither good nor bad.</item>
/// <item>Then the main caveat, the first that applies: one as-of date for both periods; extracts that end
/// before the as-of date; a log-rank test that cannot tell the difference from chance; figures hidden for
/// privacy; otherwise that figures describe and do not explain.</item>
/// <item>Fewer than three messages: further caveats until there are three.</item>
/// </list>
/// </summary>
public static class KeyMessages
{
    /// <summary>Relative changes below this are "about the same".</summary>
    public const double Stable = 0.02;

    private static readonly string[][] Candidates =
    [
        ["counts.youths"],
        ["outcomes.residential_days_per_1000"],
        ["entry_cohort.km_median_days", "duration_days.mean_exited_in_period"],
        ["counts.entries_in_period"],
    ];

    public static IReadOnlyList<KeyMessage> Select(Published published, SummaryContext context)
    {
        var messages = new List<KeyMessage>();
        foreach (var alternatives in Candidates)
        {
            foreach (var key in alternatives)
            {
                if (Change(published, key) is not { } message) continue;
                messages.Add(message);
                break;
            }
        }
        var caveats = Caveats(published, context).ToList();
        messages.Add(caveats[0]);
        foreach (var caveat in caveats.Skip(1))
        {
            if (messages.Count >= 3) break;
            messages.Add(caveat);
        }
        return messages.Take(5).ToList();
    }

    /// <summary>The change of one figure, when the baseline, the follow-up and the change are all published.</summary>
    private static KeyMessage? Change(Published published, string key)
    {
        var (from, to, change) = ("baseline." + key, "followup." + key, "change." + key);
        if (!Has(published, from) || !Has(published, to) || !Has(published, change)) return null;
        var (a, b) = (published[from].Value!.Value, published[to].Value!.Value);
        var relative = a == 0 ? (b == 0 ? 0 : 1) : (b - a) / Math.Abs(a);
        var direction = Math.Abs(relative) < Stable ? 0 : Math.Sign(b - a);
        var keys = new List<string> { from, to };
        if (published.Set.Contains("change_percent." + key) && Has(published, "change_percent." + key)) keys.Add("change_percent." + key);
        else keys.Add(change);
        return new KeyMessage(key, keys, direction, direction == 0 ? Judgement.Neutral : Desirability.Of(key, b - a));
    }

    private static IEnumerable<KeyMessage> Caveats(Published published, SummaryContext context)
    {
        if (context.OneAsOfForTwoPeriods) yield return Caveat("caveat.one_as_of");
        if (context.CoverageWarnings > 0) yield return Caveat("caveat.coverage");
        if (Has(published, "tests.entry_cohort.p_value") && published["tests.entry_cohort.p_value"].Value >= 0.05)
            yield return new KeyMessage("caveat.chance", ["tests.entry_cohort.p_value"], 0, Judgement.Neutral);
        if (published.All.Any(f => !f.Shown)) yield return Caveat("caveat.hidden");
        yield return Caveat("caveat.association");
        yield return Caveat("caveat.stock_exits_entries");
    }

    private static KeyMessage Caveat(string name) => new(name, [], 0, Judgement.Neutral);

    private static bool Has(Published published, string key) =>
        published.Set.Contains(key) && published.IsShown(key) && published[key].Value is not null;
}
