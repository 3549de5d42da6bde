namespace Monitor.Core.Checks;

/// <summary>Why a row was refused: the column and a reason in plain words. Never carries the cell's
/// value, so a citizen number can never reach the quarantine through it.</summary>
public readonly record struct RowError(string Column, string Reason);

/// <summary>The reasons of PROTOCOL.md 3.1, worded once.</summary>
public static class Reasons
{
    /// <summary>The longest reason the product keeps or shows. Reasons never quote values; this cap is
    /// the second line of defence, so that no pathological file makes a reason grow without bound (a
    /// 1 MiB reason was seen before).</summary>
    public const int MaxLength = 300;

    public static string? Cap(string? reason) =>
        reason is null || reason.Length <= MaxLength ? reason : reason[..(MaxLength - 1)] + "…";

    public const string Missing = "required value missing";
    public const string DateUnparsable = "date does not parse (use yyyy-MM-dd or dd-MM-yyyy)";
    public const string DateImpossible = "date is impossible";
    public const string NumberUnparsable = "number does not parse";
    public const string TooManyDecimals = "amount has more than 4 decimals";
    public const string NegativeAmount = "negative amount";
    public const string MunicipalityForm = "municipality code is not 4 digits (optionally prefixed GM)";
    public const string ProviderForm = "provider code is not 8 digits";
    public const string ClientIdTooLong = "client_id longer than 64 characters";
    public const string ProductCodeTooLong = "productcode longer than 64 characters";
    public const string DateBefore1900 = "date out of range (before 1900-01-01)";
    public const string StartTooLate = "date out of range (start more than 366 days after the day of the import)";
    public const string BsnNotNineDigits = "bsn is not 9 digits";
    public const string BsnZero = "bsn is 000000000";
    public const string BsnElfproef = "bsn fails the elfproef";
    public const string EndBeforeStart = "end before start";
    public const string BirthAfterStart = "birth date after start";
    public const string OlderThan27 = "youth older than 27 at start";
    public const string CareTypeUnknown = "care type maps to nothing";
    public const string NotACareTypeWord = "not a care type (verblijf, gezinshuis, gesloten, crisis, pleegzorg, kortdurend_verblijf, ambulant)";
    public const string YearForm = "year is not a 4-digit year";
    public const string CountForm = "not a whole number of 0 or more";
    public const string CategoryUnknown = "not a category (volgens_plan, voortijdig, overig)";
    public const string DirectionUnknown = "not a direction (lager_is_beter, hoger_is_beter)";
    public const string NotPositive = "must be more than 0";
    public const string ReliabilityRange = "reliability must be from 0 up to (not including) 1";
    public const string InstrumentUnknown = "instrument is not in the instruments file";
    public const string InformantUnknown = "not an informant (ouder, jongere, professional)";
    public const string DateInFuture = "date is in the future";
    public const string ScoreOutOfRange = "score outside the instrument's range";
    public const string RangeReversed = "minimum above maximum";
}
