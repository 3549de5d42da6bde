using System.Runtime.InteropServices;

namespace Monitor.Store;

/// <summary>
/// Direct calls into SQLite for the import's hot path: binding a value through SQLitePCLRaw costs a
/// SafeHandle reference count and a full managed-to-native transition per call, more than SQLite's own
/// work for an integer (profile of a 2-million-row import: 3% of all samples in SafeHandle alone, with 14 to
/// 18 binds per row). Binds neither block nor call back into managed code, so they may skip the GC
/// transition. Used only when exactly one copy of the library is loaded, the one SQLitePCLRaw uses:
/// statements must never cross two copies. Otherwise <see cref="Available"/> is false and the caller goes
/// through SQLitePCLRaw as before.
/// </summary>
internal static unsafe class NativeSqlite
{
    public static readonly bool Available;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, long, int> BindInt64Pointer;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, int> BindNullPointer;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, byte*, int, IntPtr, int> BindTextPointer;

    /// <summary>SQLite copies the text it is given (SQLITE_TRANSIENT).</summary>
    private static readonly IntPtr Transient = new(-1);

    static NativeSqlite()
    {
        try
        {
            if (!OperatingSystem.IsLinux()) return;
            SQLitePCL.raw.sqlite3_libversion_number(); // the provider has loaded its library by now
            if (!NativeLibrary.TryLoad("e_sqlite3", typeof(SQLitePCL.raw).Assembly, null, out var library)) return;
            var copies = File.ReadLines("/proc/self/maps").Where(l => l.Contains("libe_sqlite3", StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf('/') is var at && at >= 0 ? at : 0)..]).Distinct().Count();
            if (copies != 1) return;
            BindInt64Pointer = (delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, long, int>)NativeLibrary.GetExport(library, "sqlite3_bind_int64");
            BindNullPointer = (delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, int>)NativeLibrary.GetExport(library, "sqlite3_bind_null");
            BindTextPointer = (delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, byte*, int, IntPtr, int>)NativeLibrary.GetExport(library, "sqlite3_bind_text");
            Available = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EntryPointNotFoundException or DllNotFoundException or BadImageFormatException)
        {
            Available = false;
        }
    }

    public static int BindInt64(IntPtr statement, int position, long value) => BindInt64Pointer(statement, position, value);

    public static int BindNull(IntPtr statement, int position) => BindNullPointer(statement, position);

    public static int BindText(IntPtr statement, int position, ReadOnlySpan<byte> utf8)
    {
        fixed (byte* text = utf8)
            return BindTextPointer(statement, position, text, utf8.Length, Transient);
    }

    /// <summary>Binds text SQLite does not copy (SQLITE_STATIC): the bytes must stay where they are, and
    /// alive, while the statement may read them (pinned arrays that live as long as the statement).</summary>
    public static int BindPinnedText(IntPtr statement, int position, byte[] pinnedUtf8)
    {
        fixed (byte* text = pinnedUtf8)
            return BindTextPointer(statement, position, text, pinnedUtf8.Length, IntPtr.Zero);
    }
}
