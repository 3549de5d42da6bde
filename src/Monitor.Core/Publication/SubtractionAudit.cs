using System.Numerics;

namespace Monitor.Core.Publication;

/// <summary>
/// Which hidden counts a reader could still work out from the shown ones with the published sums, by any
/// combination of additions and subtractions, not only within one relation. Hiding a second cell per
/// relation (PROTOCOL.md 8) is not always enough: with three relations <c>a+b</c>, <c>a+f</c> and <c>f+b</c>
/// known, each has two hidden cells, yet <c>a = (ab + af − fb) / 2</c>. The audit solves the system
/// exactly (rational Gauss–Jordan elimination) and reports every hidden count the solution fixes.
/// </summary>
public static class SubtractionAudit
{
    /// <param name="relations">The sums a reader knows.</param>
    /// <param name="isHidden">Whether a member is hidden (its value unknown to the reader).</param>
    /// <returns>The hidden members whose value follows from the shown ones.</returns>
    public static IReadOnlySet<string> Determined(IReadOnlyList<SumRelation> relations, Func<string, bool> isHidden)
    {
        var unknowns = relations.SelectMany(r => r.Members).Where(isHidden).Distinct(StringComparer.Ordinal).ToList();
        if (unknowns.Count == 0) return new HashSet<string>();
        var column = unknowns.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);

        // One row per relation: total − Σ parts = 0, over the hidden members only (the shown ones are constants,
        // and which value they have does not change what can be solved for).
        var rows = new List<Rational[]>();
        foreach (var relation in relations)
        {
            var row = new Rational[unknowns.Count];
            for (var i = 0; i < row.Length; i++) row[i] = Rational.Zero;
            var any = false;
            foreach (var (key, sign) in relation.Parts.Select(p => (p, -1)).Prepend((relation.Total, 1)))
            {
                if (!column.TryGetValue(key, out var c)) continue;
                row[c] += new Rational(sign);
                any = true;
            }
            if (any) rows.Add(row);
        }

        // Reduced row echelon form.
        var pivotRow = 0;
        var pivots = new List<(int Row, int Column)>();
        for (var c = 0; c < unknowns.Count && pivotRow < rows.Count; c++)
        {
            var found = -1;
            for (var r = pivotRow; r < rows.Count; r++)
                if (!rows[r][c].IsZero) { found = r; break; }
            if (found < 0) continue;
            (rows[pivotRow], rows[found]) = (rows[found], rows[pivotRow]);
            var pivot = rows[pivotRow][c];
            for (var j = 0; j < unknowns.Count; j++) rows[pivotRow][j] /= pivot;
            for (var r = 0; r < rows.Count; r++)
            {
                if (r == pivotRow || rows[r][c].IsZero) continue;
                var factor = rows[r][c];
                for (var j = 0; j < unknowns.Count; j++) rows[r][j] -= factor * rows[pivotRow][j];
            }
            pivots.Add((pivotRow, c));
            pivotRow++;
        }

        // A hidden count is fixed when its pivot row names no other unknown.
        var determined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (r, c) in pivots)
        {
            var alone = true;
            for (var j = 0; j < unknowns.Count && alone; j++)
                if (j != c && !rows[r][j].IsZero) alone = false;
            if (alone) determined.Add(unknowns[c]);
        }
        return determined;
    }

    /// <summary>An exact fraction, so that elimination never mistakes a rounding error for a solution.</summary>
    private readonly record struct Rational
    {
        public Rational(BigInteger numerator) : this(numerator, BigInteger.One)
        {
        }

        public Rational(BigInteger numerator, BigInteger denominator)
        {
            if (denominator.Sign < 0) (numerator, denominator) = (-numerator, -denominator);
            var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
            if (!gcd.IsZero && !gcd.IsOne) (numerator, denominator) = (numerator / gcd, denominator / gcd);
            (Numerator, Denominator) = (numerator, denominator);
        }

        public BigInteger Numerator { get; }
        public BigInteger Denominator { get; }
        public static Rational Zero => new(BigInteger.Zero);
        public bool IsZero => Numerator.IsZero;

        public static Rational operator +(Rational a, Rational b) => new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);
        public static Rational operator -(Rational a, Rational b) => new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);
        public static Rational operator *(Rational a, Rational b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
        public static Rational operator /(Rational a, Rational b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);
    }
}
