using System.Text;
using Monitor.Store.Caching;

namespace Monitor.Integration.Tests;

/// <summary>The cache files' checksum (<see cref="Crc32C"/>) against a bit-at-a-time model of CRC-32C.</summary>
public sealed class Crc32CTests
{
    /// <summary>The model: the reflected Castagnoli polynomial, one bit at a time.</summary>
    private static uint Model(ReadOnlySpan<byte> bytes)
    {
        var crc = uint.MaxValue;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
        }
        return ~crc;
    }

    private static uint Of(params byte[][] pieces)
    {
        var crc = new Crc32C();
        foreach (var piece in pieces) crc.Append(piece);
        return crc.Value;
    }

    [Fact]
    public void TheCheckValueOfTheStandard() // CRC-32C of "123456789", as RFC 3720 and the CRC catalogues give it
    {
        Assert.Equal(0xE3069283u, Of(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0xE3069283u, Model(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0u, Of());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TheSameAsTheModelHoweverTheBytesAreCut(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 300; round++)
        {
            var bytes = new byte[random.Next(0, 3000)];
            random.NextBytes(bytes);
            // Pieces of any length at any offset: the eight-byte steps start wherever a piece does.
            var pieces = new List<byte[]>();
            for (var at = 0; at < bytes.Length;)
            {
                var length = Math.Min(bytes.Length - at, random.Next(0, 40));
                pieces.Add(bytes[at..(at + length)]);
                at += length;
            }
            Assert.Equal(Model(bytes), Of([.. pieces]));
            Assert.Equal(Model(bytes), Of(bytes));
        }
    }

    [Fact]
    public void AnyOneFlippedBitChangesIt()
    {
        var bytes = new byte[257];
        new Random(7).NextBytes(bytes);
        var whole = Of(bytes);
        for (var bit = 0; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.NotEqual(whole, Of(bytes));
            bytes[bit / 8] ^= (byte)(1 << (bit % 8));
        }
    }
}
