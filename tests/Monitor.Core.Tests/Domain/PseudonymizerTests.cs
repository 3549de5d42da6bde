using System.Security.Cryptography;
using System.Text;
using Monitor.Core.Privacy;

namespace Monitor.Core.Tests.Domain;

/// <summary>PROTOCOL.md 3.3: the youth key is HMAC-SHA256 of the BSN (or of "id:" + client_id), lowercase hex.</summary>
public class PseudonymizerTests
{
    private static byte[] Key(byte fill) => Enumerable.Repeat(fill, 32).ToArray();

    [Fact]
    public void SameBsnUnderTheSameKeyGivesTheSame64HexKey()
    {
        var a = new Pseudonymizer(Key(7)).ForBsn("123456782");
        var b = new Pseudonymizer(Key(7)).ForBsn("123456782");
        Assert.Equal(a, b);
        Assert.Matches("^[0-9a-f]{64}$", a);
    }

    [Fact]
    public void DifferentSecretKeysGiveDifferentYouthKeys() =>
        Assert.NotEqual(new Pseudonymizer(Key(0)).ForBsn("123456782"), new Pseudonymizer(Key(1)).ForBsn("123456782"));

    [Fact]
    public void DifferentBsnsGiveDifferentKeys() =>
        Assert.NotEqual(new Pseudonymizer(Key(0)).ForBsn("123456782"), new Pseudonymizer(Key(0)).ForBsn("111222333"));

    [Fact]
    public void ClientIdIsPrefixedSoItNeverCollidesWithTheSameBsn()
    {
        var keys = new Pseudonymizer(Key(0));
        Assert.NotEqual(keys.ForBsn("123456782"), keys.ForClientId("123456782"));
    }

    [Fact]
    public void BsnKeyIsHmacSha256OfTheDigits()
    {
        var secret = Encoding.ASCII.GetBytes("a secret of at least sixteen bytes");
        var expected = Convert.ToHexString(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes("123456782"))).ToLowerInvariant();
        Assert.Equal(expected, new Pseudonymizer(secret).ForBsn("123456782"));
    }

    [Fact]
    public void ClientIdKeyIsHmacSha256OfIdColonAndTheId()
    {
        var secret = Encoding.ASCII.GetBytes("a secret of at least sixteen bytes");
        var expected = Convert.ToHexString(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes("id:K01-ä"))).ToLowerInvariant();
        Assert.Equal(expected, new Pseudonymizer(secret).ForClientId("K01-ä"));
    }

    [Fact]
    public void KeyIsCopiedSoLaterChangesToTheArrayDoNotMatter()
    {
        var secret = Key(3);
        var keys = new Pseudonymizer(secret);
        var before = keys.ForBsn("123456782");
        secret[0] = 99;
        Assert.Equal(before, keys.ForBsn("123456782"));
    }

    [Fact]
    public void SecretShorterThan16BytesIsRefused() => Assert.Throws<ArgumentException>(() => new Pseudonymizer(new byte[15]));

    [Fact]
    public void AnIdentifierLongerThanTheStackBufferIsHashedToo()
    {
        var secret = Key(4);
        var id = new string('é', 200); // 400 UTF-8 bytes
        var expected = Convert.ToHexString(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes("id:" + id))).ToLowerInvariant();
        Assert.Equal(expected, new Pseudonymizer(secret).ForClientId(id));
    }
}
