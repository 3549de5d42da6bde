using System.Globalization;
using System.Runtime.InteropServices;

namespace Monitor.Cli;

/// <summary>
/// Asks Linux to back the managed heap with transparent huge pages, as the JVM's
/// <c>-XX:+UseTransparentHugePages</c> does, where the system leaves that to each program
/// (<c>/sys/kernel/mm/transparent_hugepage/enabled</c> is <c>madvise</c>, Debian's default). A measurement of
/// 10 million rows fills about a gigabyte of fresh memory, and on a virtual machine each fresh 4 KiB page costs
/// microseconds; 2 MiB pages cut a third of the wall time (docs/benchmarks.md, eleventh pass). Only a hint:
/// when anything fails the heap stays as it was. <c>MONITOR_HUGE_PAGES=0</c> leaves it alone.
/// </summary>
internal static partial class HugePages
{
    private const string Mode = "/sys/kernel/mm/transparent_hugepage/enabled";
    private const int MadvHugePage = 14;

    /// <summary>Advises the managed heap's reservation; true when it did.</summary>
    /// <param name="setting">The value of <c>MONITOR_HUGE_PAGES</c>: <c>0</c> turns the advice off.</param>
    public static bool AdviseManagedHeap(string? setting)
    {
        if (setting == "0" || !OperatingSystem.IsLinux()) return false;
        try
        {
            if (!File.Exists(Mode) || !File.ReadAllText(Mode).Contains("[madvise]")) return false;
            // Any object of the heap shows where the runtime reserved it.
            var probe = GC.AllocateArray<byte>(1, pinned: true);
            var address = (ulong)Marshal.UnsafeAddrOfPinnedArrayElement(probe, 0);
            return ReservationAround(File.ReadLines("/proc/self/maps"), address) is { } reservation
                   && madvise((nint)reservation.Start, (nuint)(reservation.End - reservation.Start), MadvHugePage) == 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException
                                      or DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// The run of adjacent anonymous mappings in <paramref name="maps"/> (lines of <c>/proc/self/maps</c>, in address
    /// order) that holds <paramref name="address"/>, as [start, end): the runtime reserves the heap as one range,
    /// which its commits split into mappings of their own, used and not yet used. Null when no anonymous mapping
    /// holds the address.
    /// </summary>
    public static (ulong Start, ulong End)? ReservationAround(IEnumerable<string> maps, ulong address)
    {
        ulong start = 0, end = 0;
        var holds = false;
        foreach (var line in maps)
        {
            // start-end perms offset device inode [path]
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            var bounds = fields[0].Split('-');
            var (from, to) = (ulong.Parse(bounds[0], NumberStyles.HexNumber), ulong.Parse(bounds[1], NumberStyles.HexNumber));
            var anonymous = fields[3] == "00:00" && fields[4] == "0" && (fields.Length < 6 || fields[5].StartsWith("[anon:", StringComparison.Ordinal));
            if (!anonymous || from != end)
            {
                if (holds) break;
                (start, end) = anonymous ? (from, to) : (0, 0);
            }
            else
            {
                end = to;
            }
            if (anonymous && from <= address && address < to) holds = true;
        }
        return holds ? (start, end) : null;
    }

    [LibraryImport("libc")]
    private static partial int madvise(nint address, nuint length, int advice);
}
