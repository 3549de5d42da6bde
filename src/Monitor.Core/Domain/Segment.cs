namespace Monitor.Core.Domain;

/// <summary>
/// One stored segment in force: one provider delivering one kind of care to one youth from
/// <see cref="Start"/> to <see cref="End"/> (inclusive; no end = still running).
/// A compact value type, because a region's store holds millions of them and the episode
/// builder keeps them all in one array.
/// </summary>
public readonly struct Segment
{
    private const long NoAmount = -1;
    private readonly long _amountTenThousandths;

    public Segment(long id, int youthId, DateOnly birthDate, int municipality, int provider, CareType careType,
        string? productCode, DateOnly start, DateOnly? end, decimal? amount)
        : this(id, youthId, birthDate, municipality, provider, careType, productCode, start, end,
            amount is { } a ? (long)(a * 10_000m) : NoAmount)
    {
        if (amount < 0) throw new ArgumentOutOfRangeException(nameof(amount), "amounts are never negative (row check)");
    }

    private Segment(long id, int youthId, DateOnly birthDate, int municipality, int provider, CareType careType,
        string? productCode, DateOnly start, DateOnly? end, long amountTenThousandths)
    {
        Id = id;
        YouthId = youthId;
        BirthDate = birthDate;
        Municipality = municipality;
        Provider = provider;
        CareType = careType;
        ProductCode = productCode;
        Start = start;
        End = end;
        _amountTenThousandths = amountTenThousandths;
    }

    /// <summary>A segment as the store keeps it, with the amount in 1/10,000 euro (null: none billed).
    /// Spares a decimal conversion per row when millions are read back.</summary>
    public static Segment FromStore(long id, int youthId, DateOnly birthDate, int municipality, int provider, CareType careType,
        string? productCode, DateOnly start, DateOnly? end, long? amountTenThousandths)
    {
        if (amountTenThousandths < 0) throw new ArgumentOutOfRangeException(nameof(amountTenThousandths), "amounts are never negative (row check)");
        return new Segment(id, youthId, birthDate, municipality, provider, careType, productCode, start, end, amountTenThousandths ?? NoAmount);
    }

    /// <summary>The store's row id: where the segment came from (file and line).</summary>
    public long Id { get; }
    /// <summary>The store's number for the youth key.</summary>
    public int YouthId { get; }
    public DateOnly BirthDate { get; }
    /// <summary>CBS municipality code as a number: 193 is <c>0193</c>.</summary>
    public int Municipality { get; }
    /// <summary>AGB provider code as a number: 6000015 is <c>06000015</c>.</summary>
    public int Provider { get; }
    public CareType CareType { get; }
    public string? ProductCode { get; }
    public DateOnly Start { get; }
    public DateOnly? End { get; }
    /// <summary>The billed <c>bedrag</c>, exact to 1/10,000 euro; null when the row had none.</summary>
    public decimal? Amount => _amountTenThousandths == NoAmount ? null : _amountTenThousandths / 10_000m;
}
