namespace Monitor.Store;

/// <summary>Dates are stored as INTEGER yyyymmdd (schema/0001_store.sql).</summary>
internal static class DateCodec
{
    public static int ToInt(DateOnly date) => date.Year * 10_000 + date.Month * 100 + date.Day;

    public static DateOnly FromInt(long value) => new((int)(value / 10_000), (int)(value / 100 % 100), (int)(value % 100));

    /// <summary>Money is stored as INTEGER 1/10,000 euro.</summary>
    public static long ToTenThousandths(decimal amount) => (long)(amount * 10_000m);

}
