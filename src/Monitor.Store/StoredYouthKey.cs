using System.Data;

namespace Monitor.Store;

/// <summary>
/// The youth key (PROTOCOL.md 3.3, HMAC-SHA256 as 64 lowercase hex characters) as the stores keep it: the SQLite
/// store keeps its 32 bytes (schema/0006_youth_key_binary.sql), PostgreSQL the text. Everything outside the store
/// sees the text.
/// </summary>
internal static class StoredYouthKey
{
    public const int Bytes = 32;

    public static void ToBytes(string youthKey, Span<byte> bytes)
    {
        if (youthKey.Length != 2 * Bytes || Convert.FromHexString(youthKey, bytes, out _, out _) != System.Buffers.OperationStatus.Done)
            throw new ArgumentException("a youth key is 64 hex characters", nameof(youthKey));
    }

    /// <summary>The key in column <paramref name="ordinal"/>, as text, whichever way the store keeps it.</summary>
    public static string Read(IDataRecord reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        byte[] bytes => Convert.ToHexStringLower(bytes),
        string text => text,
        var other => throw new InvalidOperationException($"a youth key of type {other.GetType().Name}"),
    };
}
