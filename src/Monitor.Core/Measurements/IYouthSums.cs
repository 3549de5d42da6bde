using Monitor.Core.Domain;

namespace Monitor.Core.Measurements;

/// <summary>
/// Sums over a period's cohort read at one date in which each youth adds a part that depends on their own segments alone
/// (<see cref="Publication.CohortSums"/>, <see cref="BootstrapSums"/>): the sums of a store's youths are those of the
/// youths a nightly import left alone plus those of the youths it touched, so kept sums are brought up to date by taking
/// the touched youths' old part away and adding their new one.
/// </summary>
public interface IYouthSums<T> where T : IYouthSums<T>
{
    Period Period { get; }

    DateOnly AsOf { get; }

    /// <summary>These sums and those of other youths.</summary>
    T Plus(T other);

    /// <summary>These sums without those of youths among them (<paramref name="part"/>, made of their segments as these were
    /// when these sums were made).</summary>
    /// <exception cref="InvalidOperationException">A sum would fall below 0: <paramref name="part"/> is not part of these sums.</exception>
    T Minus(T part);

    /// <summary>These sums with the touched youths' <paramref name="old"/> part taken away and their <paramref name="now"/>
    /// part added: <c>Minus(old).Plus(now)</c>, which sums may do in one pass.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="old"/> is not part of these sums.</exception>
    T Replaced(T old, T now) => Minus(old).Plus(now);
}
