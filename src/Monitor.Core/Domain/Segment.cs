using System.Runtime.InteropServices;

namespace Monitor.Core.Domain;

/// <summary>
/// One stored segment in force: one provider delivering one kind of care to one youth from
/// <see cref="Start"/> to <see cref="End"/> (inclusive; no end = still running).
/// A compact value type without references (40 bytes), because a region's store holds millions of them
/// and the episode builder keeps them all in one array: dates are day numbers, the product code is a
/// number from <see cref="ProductCodes"/>, the row id 32 bits (a store of more than two billion rows is
/// refused), and the garbage collector never has to scan the array.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly struct Segment
{
    private const long NoAmount = -1;
    private const int NoEnd = -1;

    private readonly long _amountTenThousandths;
    private readonly int _id;
    private readonly int _youthId;
    private readonly int _birthDay;
    private readonly int _startDay;
    private readonly int _endDay;
    private readonly int _provider;
    private readonly int _productCode;
    private readonly short _municipality;
    private readonly CareType _careType;

    public Segment(long id, int youthId, DateOnly birthDate, int municipality, int provider, CareType careType,
        string? productCode, DateOnly start, DateOnly? end, decimal? amount)
        : this(id, youthId, birthDate, municipality, provider, careType, ProductCodes.Intern(productCode), start, end,
            amount is { } a ? (long)(a * 10_000m) : NoAmount)
    {
        if (amount < 0) throw new ArgumentOutOfRangeException(nameof(amount), "amounts are never negative (row check)");
    }

    // A municipality code has 4 digits (PROTOCOL.md 2): it fits in 16 bits.
    private Segment(long id, int youthId, DateOnly birthDate, int municipality, int provider, CareType careType,
        int productCode, DateOnly start, DateOnly? end, long amountTenThousandths)
        : this(id, youthId, birthDate.DayNumber, municipality, provider, careType, productCode, start.DayNumber,
            end is { } e ? e.DayNumber : NoEnd, amountTenThousandths)
    {
    }

    /// <summary>A segment as the store keeps it, with the amount in 1/10,000 euro (null: none billed).
    /// Spares a decimal conversion per row when millions are read back.</summary>
    public static Segment FromStore(long id, int youthId, DateOnly birthDate, int municipality, int provider, CareType careType,
        string? productCode, DateOnly start, DateOnly? end, long? amountTenThousandths) =>
        FromStore(id, youthId, birthDate, municipality, provider, careType, ProductCodes.Intern(productCode), start, end, amountTenThousandths);

    /// <summary>The same, with the product code already a number of <see cref="ProductCodes"/> (readers of
    /// millions of rows look each code up once).</summary>
    public static Segment FromStore(long id, int youthId, DateOnly birthDate, int municipality, int provider, CareType careType,
        int productCode, DateOnly start, DateOnly? end, long? amountTenThousandths)
    {
        if (amountTenThousandths < 0) throw new ArgumentOutOfRangeException(nameof(amountTenThousandths), "amounts are never negative (row check)");
        return new Segment(id, youthId, birthDate, municipality, provider, careType, productCode, start, end, amountTenThousandths ?? NoAmount);
    }

    /// <summary>A segment from values already checked once (a cache of the store): dates as day numbers
    /// (<see cref="DateOnly.DayNumber"/>), the end as <see cref="EndDayOrMax"/> gives it, the product code
    /// as a number of <see cref="ProductCodes"/>, the amount in 1/10,000 euro with -1 for none.</summary>
    public static Segment FromDayNumbers(long id, int youthId, int birthDay, int municipality, int provider, CareType careType,
        int productCode, int startDay, int endDayOrMax, long amountTenThousandthsOrMinusOne) =>
        new(id, youthId, birthDay, municipality, provider, careType, productCode, startDay,
            endDayOrMax == int.MaxValue ? NoEnd : endDayOrMax, amountTenThousandthsOrMinusOne < 0 ? NoAmount : amountTenThousandthsOrMinusOne);

    private Segment(long id, int youthId, int birthDay, int municipality, int provider, CareType careType,
        int productCode, int startDay, int endDay, long amountTenThousandths)
    {
        if (municipality is < 0 or > 9999) throw new ArgumentOutOfRangeException(nameof(municipality), municipality, "a municipality code has 4 digits");
        if (id is < int.MinValue or > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(id), id, "segment row ids above 2,147,483,647 are not supported");
        (_id, _youthId, _birthDay, _municipality, _provider, _careType, _productCode, _startDay, _endDay, _amountTenThousandths) =
            ((int)id, youthId, birthDay, (short)municipality, provider, careType, productCode, startDay, endDay, amountTenThousandths);
    }

    /// <summary>The store's row id: where the segment came from (file and line).</summary>
    public long Id => _id;
    /// <summary>The store's number for the youth key.</summary>
    public int YouthId => _youthId;
    public DateOnly BirthDate => DateOnly.FromDayNumber(_birthDay);
    /// <summary>CBS municipality code as a number: 193 is <c>0193</c>.</summary>
    public int Municipality => _municipality;
    /// <summary>AGB provider code as a number: 6000015 is <c>06000015</c>.</summary>
    public int Provider => _provider;
    public CareType CareType => _careType;
    public string? ProductCode => ProductCodes.Of(_productCode);
    /// <summary>The product code's number in <see cref="ProductCodes"/> (0: none).</summary>
    public int ProductCodeId => _productCode;
    public DateOnly Start => DateOnly.FromDayNumber(_startDay);
    public DateOnly? End => _endDay == NoEnd ? null : DateOnly.FromDayNumber(_endDay);
    /// <summary>The billed <c>bedrag</c>, exact to 1/10,000 euro; null when the row had none.</summary>
    public decimal? Amount => _amountTenThousandths == NoAmount ? null : _amountTenThousandths / 10_000m;
    /// <summary>The billed amount in 1/10,000 euro; null when the row had none.</summary>
    public long? AmountTenThousandths => _amountTenThousandths == NoAmount ? null : _amountTenThousandths;

    /// <summary>The start as a day number (<see cref="DateOnly.DayNumber"/>): for loops over millions of segments.</summary>
    public int StartDay => _startDay;
    /// <summary>The end as a day number, or <see cref="int.MaxValue"/> while the segment runs.</summary>
    public int EndDayOrMax => _endDay == NoEnd ? int.MaxValue : _endDay;
    public int BirthDay => _birthDay;
    /// <summary>The amount in 1/10,000 euro, -1 for none.</summary>
    public long AmountOrMinusOne => _amountTenThousandths;
}
