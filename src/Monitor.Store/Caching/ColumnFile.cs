using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Monitor.Store.Caching;

/// <summary>
/// Writes a cache file of fixed-width columns: raw little-endian values, a CRC-32C of every byte
/// (<see cref="Crc32C"/>) and a closing mark at the end. It is written under a temporary name and renamed into
/// place on <see cref="Commit"/>, so a reader sees the old file or the new one, never half of one; a file cut short
/// or damaged fails its checksum and is rebuilt from the store.
/// </summary>
internal sealed class ColumnWriter : IDisposable
{
    /// <summary>The closing mark ("VMCOLEND" while the checksum was XxHash3: such a file reads as damaged, and is
    /// rebuilt).</summary>
    public static ReadOnlySpan<byte> End => "VMCOLCRC"u8;

    /// <summary>Large spans are written, read and hashed in pieces of this size.</summary>
    internal const int Chunk = 1 << 20;

    private readonly string _path, _temporary;
    private readonly FileStream _stream;
    private Crc32C _hash = new();
    private bool _committed;

    public ColumnWriter(string path)
    {
        _path = path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        _temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        _stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
    }

    public void Write<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        // A megabyte at a time: hashed while it is still in the processor's cache.
        for (var bytes = MemoryMarshal.AsBytes(values); !bytes.IsEmpty; bytes = bytes[Math.Min(Chunk, bytes.Length)..])
        {
            var chunk = bytes[..Math.Min(Chunk, bytes.Length)];
            _hash.Append(chunk);
            _stream.Write(chunk);
        }
    }

    public void Write<T>(T value) where T : unmanaged => Write(new ReadOnlySpan<T>(in value));

    /// <summary>Closes the file with its checksum and puts it in place of the old one.</summary>
    public void Commit()
    {
        Span<byte> checksum = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(checksum, _hash.Value);
        _stream.Write(checksum);
        _stream.Write(End);
        _stream.Dispose();
        File.Move(_temporary, _path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        _stream.Dispose();
        if (!_committed) File.Delete(_temporary);
    }
}

/// <summary>Reads what a <see cref="ColumnWriter"/> wrote, in the same order, checking the checksum at the end.</summary>
internal sealed class ColumnReader : IDisposable
{
    private readonly FileStream _stream;
    private Crc32C _hash = new();

    private ColumnReader(FileStream stream) => _stream = stream;

    /// <summary>Null when there is no file (or it cannot be read): the cache is then missing.</summary>
    public static ColumnReader? Open(string path)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 20);
            if (stream.Length >= 16) return new ColumnReader(stream);
            stream.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }

    /// <summary>Bytes left before the checksum: a header that promises more is damaged.</summary>
    public long Remaining => _stream.Length - 16 - _stream.Position;

    public void Read<T>(Span<T> into) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(into);
        if (bytes.Length > Remaining) throw new InvalidDataException("the cache file is shorter than its header says");
        // A megabyte at a time: hashed while it is still in the processor's cache.
        for (; !bytes.IsEmpty; bytes = bytes[Math.Min(ColumnWriter.Chunk, bytes.Length)..])
        {
            var chunk = bytes[..Math.Min(ColumnWriter.Chunk, bytes.Length)];
            _stream.ReadExactly(chunk);
            _hash.Append(chunk);
        }
    }

    /// <summary>
    /// Reads like <see cref="Read{T}(Span{T})"/> into the first <paramref name="count"/> elements of
    /// <paramref name="into"/>, the two halves side by side (positional reads on the file): what costs in reading
    /// hundreds of megabytes is the system's copy into memory touched for the first time, and that runs on both
    /// cores so. The checksum then runs over the bytes in their order.
    /// </summary>
    public void ReadSideBySide<T>(T[] into, int count) where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        if ((long)count * size > Remaining) throw new InvalidDataException("the cache file is shorter than its header says");
        var offset = _stream.Position;
        var handle = _stream.SafeFileHandle;
        var middle = count / 2;
        var complete = new bool[2];
        Parallel.For(0, 2, half =>
        {
            var (from, rows) = half == 0 ? (0, middle) : (middle, count - middle);
            var bytes = MemoryMarshal.AsBytes(into.AsSpan(from, rows));
            var at = offset + (long)from * size;
            try
            {
                for (int read; !bytes.IsEmpty && (read = RandomAccess.Read(handle, bytes, at)) > 0; at += read) bytes = bytes[read..];
                complete[half] = bytes.IsEmpty;
            }
            catch (IOException)
            {
                // Told on the calling thread below, as a file cut short.
            }
        });
        if (!complete[0] || !complete[1]) throw new EndOfStreamException("the cache file could not be read to its end");
        _stream.Position = offset + (long)count * size;
        _hash.Append(MemoryMarshal.AsBytes(into.AsSpan(0, count)));
    }

    public T Read<T>() where T : unmanaged
    {
        T value = default;
        Read(new Span<T>(ref value));
        return value;
    }

    /// <summary>Whether everything was read and the checksum matches.</summary>
    public bool EndsWell()
    {
        if (Remaining != 0) return false;
        Span<byte> trailer = stackalloc byte[16];
        _stream.ReadExactly(trailer);
        return BinaryPrimitives.ReadUInt64LittleEndian(trailer) == _hash.Value && trailer[8..].SequenceEqual(ColumnWriter.End);
    }

    public void Dispose() => _stream.Dispose();
}
