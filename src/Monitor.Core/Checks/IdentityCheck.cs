using Monitor.Core.Privacy;

namespace Monitor.Core.Checks;

/// <summary>
/// Checks a row's <c>bsn</c> or <c>client_id</c> and turns it into the youth key (PROTOCOL.md 2, 3.3): a
/// filled bsn wins, else client_id. The value itself never leaves this class: only its key does.
/// </summary>
internal sealed class IdentityCheck(Pseudonymizer pseudonymizer, bool fileHasClientId)
{
    private const int MaxClientIdLength = 64;

    // Extracts list a youth's rows together: remembering the last key saves most HMAC computations.
    private string? _lastIdentity;
    private bool _lastWasBsn;
    private string? _lastKey;

    public string? YouthKey(string? bsn, string? clientId, List<RowError> errors)
    {
        if (bsn is not null)
        {
            var reason = Identifiers.CheckBsn(bsn);
            if (reason is null) return Remembered(bsn, isBsn: true) ?? Remember(bsn, true, pseudonymizer.ForBsn(bsn));
            errors.Add(new("bsn", reason));
            return null;
        }
        if (clientId is not null)
        {
            if (clientId.Length <= MaxClientIdLength)
                return Remembered(clientId, isBsn: false) ?? Remember(clientId, false, pseudonymizer.ForClientId(clientId));
            errors.Add(new("client_id", Reasons.ClientIdTooLong));
            return null;
        }
        errors.Add(new(fileHasClientId ? "client_id" : "bsn", Reasons.Missing));
        return null;
    }

    private string? Remembered(string identity, bool isBsn) =>
        _lastWasBsn == isBsn && identity == _lastIdentity ? _lastKey : null;

    private string Remember(string identity, bool isBsn, string key)
    {
        (_lastIdentity, _lastWasBsn, _lastKey) = (identity, isBsn, key);
        return key;
    }
}
