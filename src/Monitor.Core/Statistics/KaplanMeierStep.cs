namespace Monitor.Core.Statistics;

/// <summary>
/// One step of a Kaplan–Meier curve: a distinct time at which at least one event happened.
/// </summary>
/// <param name="Days">The time of the step.</param>
/// <param name="AtRisk">Subjects with time <c>&gt;= Days</c>, including those censored at <c>Days</c>
/// (events come before censorings at one time).</param>
/// <param name="Events">Events at <c>Days</c>.</param>
/// <param name="Censored">Censored observations at <c>Days</c>, kept so a table can show them beside the step.</param>
/// <param name="Survival">S(Days), the product of (AtRisk − Events) / AtRisk up to and including this step.</param>
/// <param name="LowerCi">Lower bound of the 95% pointwise band: Greenwood variance, log-log transform
/// (R survival's <c>conf.type = "log-log"</c>), which stays inside [0, 1] without clipping.
/// Equal to <paramref name="Survival"/> when S is 0 or 1, where the transform is undefined.</param>
/// <param name="UpperCi">Upper bound of the same band.</param>
public readonly record struct KaplanMeierStep(
    int Days, int AtRisk, int Events, int Censored, double Survival, double LowerCi, double UpperCi);
