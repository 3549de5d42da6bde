using System.Security.Cryptography;
using System.Text;

namespace Monitor.Core.Privacy;

/// <summary>
/// Turns a citizen number or a sender's client id into the youth key (PROTOCOL.md 3.3):
/// HMAC-SHA256 under a secret key, lowercase hex. A keyed hash rather than a plain one, because the
/// 9-digit BSN space is small enough to hash exhaustively; without the key nobody can go back.
/// </summary>
public sealed class Pseudonymizer
{
    private readonly byte[] _key;

    public Pseudonymizer(byte[] key)
    {
        if (key.Length < 16) throw new ArgumentException("the pseudonym key must be at least 16 bytes", nameof(key));
        _key = (byte[])key.Clone();
    }

    public string ForBsn(ReadOnlySpan<char> bsn) => Hash(bsn, prefix: "");

    /// <summary>Client ids are prefixed <c>id:</c>, so a client id that happens to look like a BSN never
    /// collides with the BSN's key.</summary>
    public string ForClientId(ReadOnlySpan<char> clientId) => Hash(clientId, prefix: "id:");

    private string Hash(ReadOnlySpan<char> text, string prefix)
    {
        var maxLength = prefix.Length + Encoding.UTF8.GetMaxByteCount(text.Length);
        Span<byte> message = maxLength <= 256 ? stackalloc byte[256] : new byte[maxLength];
        var length = Encoding.UTF8.GetBytes(prefix, message);
        length += Encoding.UTF8.GetBytes(text, message[length..]);
        Span<byte> digest = stackalloc byte[32];
        HMACSHA256.HashData(_key, message[..length], digest);
        return Convert.ToHexStringLower(digest);
    }
}
