using System.Buffers;
using System.Security.Cryptography;
using System.Text.Unicode;

namespace Monitor.Ingest;

/// <summary>
/// What the import knows of a file before reading its rows: its SHA-256 (the same content imports
/// once), its size, and whether it is text at all: no NUL byte, valid UTF-8 (PROTOCOL.md 3.2).
/// </summary>
public sealed record ExtractFile(string Path, string Sha256, long Size, string? RejectReason)
{
    private const int ChunkSize = 1 << 20;

    /// <summary>Reads the file once: hashes it, checks it is UTF-8 and looks for NUL bytes and for anything but white space.</summary>
    public static ExtractFile Scan(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, FileOptions.SequentialScan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkSize];
        var hasNul = false;
        var validUtf8 = true;
        var chars = new char[ChunkSize + 4];
        var carry = 0; // bytes of a character split over two chunks
        var hasContent = false;
        long size = 0;
        int read;
        while ((read = stream.Read(buffer, carry, buffer.Length - carry)) > 0)
        {
            var chunk = buffer.AsSpan(carry, read);
            hash.AppendData(chunk);
            hasNul |= chunk.Contains((byte)0);
            if (!hasContent) hasContent = chunk.IndexOfAnyExcept(Whitespace) >= 0 && !IsOnlyBom(chunk, firstChunk: size == 0);
            size += read;

            if (!validUtf8) continue;
            var pending = buffer.AsSpan(0, carry + read);
            var status = Utf8.ToUtf16(pending, chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: false);
            validUtf8 = status != OperationStatus.InvalidData;
            carry = validUtf8 ? pending.Length - consumed : 0;
            pending[consumed..].CopyTo(buffer);
        }
        validUtf8 &= carry == 0; // a character cut off by the end of the file
        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        var reason = size == 0 || !hasContent ? "the file is empty"
            : hasNul ? "the file is not text (it contains a NUL byte)"
            : !validUtf8 ? "the file is not UTF-8 text"
            : null;
        return new ExtractFile(path, sha, size, reason);
    }

    private static readonly byte[] Whitespace = " \t\r\n"u8.ToArray();

    private static bool IsOnlyBom(ReadOnlySpan<byte> chunk, bool firstChunk) =>
        firstChunk && chunk.StartsWith(Utf8Bom) && chunk[3..].IndexOfAnyExcept(Whitespace) < 0;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
}
