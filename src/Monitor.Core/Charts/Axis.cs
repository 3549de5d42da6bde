namespace Monitor.Core.Charts;

/// <summary>One axis of a <see cref="Plot"/>: its label, optional fixed limits and how ticks are chosen and written.</summary>
public sealed class Axis
{
    /// <summary>The axis title, e.g. "Dagen" or "Aantal jongeren"; empty for none.</summary>
    public string Label { get; set; } = "";

    /// <summary>A fixed lower limit; null lets the ticks cover the data.</summary>
    public double? Min { get; set; }

    /// <summary>A fixed upper limit; null lets the ticks cover the data.</summary>
    public double? Max { get; set; }

    /// <summary>Only whole-number ticks, for days and counts: "2,5 dagen" would be nonsense.</summary>
    public bool IntegerTicks { get; set; }

    /// <summary>Roughly how many tick intervals to show; see <see cref="Ticks.Nice"/>.</summary>
    public int TickTarget { get; set; } = 5;

    /// <summary>Writes a tick value; null uses the plot's language with as many decimals as the tick step needs.</summary>
    public Func<double, string>? TickFormatter { get; set; }
}
