using System.Text;

namespace Monitor.Core.Charts;

/// <summary>Builds the <c>d</c> attribute of an SVG path from absolute move/line commands.</summary>
/// <remarks>Only M, L and Z, always absolute, so a path is easy to read back in tests.</remarks>
public sealed class PathData
{
    private readonly StringBuilder d = new();

    public bool IsEmpty => d.Length == 0;

    public PathData MoveTo(double x, double y) => Command('M', x, y);

    public PathData LineTo(double x, double y) => Command('L', x, y);

    public PathData ClosePath()
    {
        d.Append(d.Length == 0 ? "Z" : " Z");
        return this;
    }

    public override string ToString() => d.ToString();

    private PathData Command(char command, double x, double y)
    {
        if (d.Length > 0)
        {
            d.Append(' ');
        }
        d.Append(command).Append(' ').Append(SvgWriter.Number(x)).Append(' ').Append(SvgWriter.Number(y));
        return this;
    }
}
