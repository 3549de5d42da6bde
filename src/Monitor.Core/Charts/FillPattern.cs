namespace Monitor.Core.Charts;

/// <summary>How an area is filled, so that bars differ in texture as well as colour.</summary>
public enum FillPattern
{
    Solid,
    DiagonalHatch,
    CrossHatch,
    Dots,
}
