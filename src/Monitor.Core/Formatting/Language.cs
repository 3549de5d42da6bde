namespace Monitor.Core.Formatting;

/// <summary>The language of text people read: Dutch for policy staff (the default), English for researchers.</summary>
public enum Language
{
    Dutch,
    English,
}
