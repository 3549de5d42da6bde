namespace Monitor.Core.Checks;

/// <summary>Why a row was refused: the column and a reason in plain words. Never carries the cell's
/// value, so a citizen number can never reach the quarantine through it.</summary>
public readonly record struct RowError(string Column, string Reason);

/// <summary>The reasons of PROTOCOL.md 3.1, worded once.</summary>
public static class Reasons
{
    public const string Missing = "required value missing";
    public const string DateUnparsable = "date does not parse (use yyyy-MM-dd or dd-MM-yyyy)";
    public const string DateImpossible = "date is impossible";
    public const string NumberUnparsable = "number does not parse";
    public const string TooManyDecimals = "amount has more than 4 decimals";
    public const string NegativeAmount = "negative amount";
    public const string MunicipalityForm = "municipality code is not 4 digits (optionally prefixed GM)";
    public const string ProviderForm = "provider code is not 8 digits";
    public const string ClientIdTooLong = "client_id longer than 64 characters";
    public const string BsnNotNineDigits = "bsn is not 9 digits";
    public const string BsnZero = "bsn is 000000000";
    public const string BsnElfproef = "bsn fails the elfproef";
    public const string EndBeforeStart = "end before start";
    public const string BirthAfterStart = "birth date after start";
    public const string OlderThan27 = "youth older than 27 at start";
    public const string CareTypeUnknown = "care type maps to nothing";
    public const string NotACareTypeWord = "not a care type (verblijf, gezinshuis, gesloten, crisis, pleegzorg, kortdurend_verblijf, ambulant)";
    public const string YearForm = "year is not a 4-digit year";
}
