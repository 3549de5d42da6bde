using System.Globalization;
using System.Runtime.InteropServices;

namespace Monitor.Store;

/// <summary>
/// Transparent huge pages for memory the program fills by the hundred megabytes. Memory touched for the first time
/// costs a page fault per 4 KiB page, and on the virtual machines this runs on a fault is dear (filling a gigabyte
/// took 3.1–3.7 s here, 0.9 s in 2 MiB pages). Linux gives huge pages to the memory a program asks them for where it
/// leaves that to each program (<c>/sys/kernel/mm/transparent_hugepage/enabled</c> is <c>madvise</c>, Debian's
/// default). Only a hint: the kernel gives them only to whole, aligned 2 MiB of a mapping, and when anything fails
/// the memory stays in 4 KiB pages.
/// </summary>
public static partial class HugePages
{
    private const string Mode = "/sys/kernel/mm/transparent_hugepage/enabled";
    private const int MadvHugePage = 14;

    /// <summary>
    /// Advises the runtime's whole heap reservation, as the JVM's <c>-XX:+UseTransparentHugePages</c> does: the
    /// command line does this first (docs/decisions.md, "Command line"). True when it did.
    /// </summary>
    /// <param name="setting">The value of <c>MONITOR_HUGE_PAGES</c>: <c>0</c>, <c>off</c>, <c>false</c> or <c>no</c> turns the
    /// advice off.</param>
    public static bool AdviseManagedHeap(string? setting)
    {
        if (setting?.Trim().ToLowerInvariant() is "0" or "off" or "false" or "no" || !OperatingSystem.IsLinux()) return false;
        try
        {
            if (!File.Exists(Mode) || !File.ReadAllText(Mode).Contains("[madvise]")) return false;
            // Any object of the heap shows where the runtime reserved it.
            var probe = GC.AllocateArray<byte>(1, pinned: true);
            var address = (ulong)Marshal.UnsafeAddrOfPinnedArrayElement(probe, 0);
            return ReservationAround(File.ReadLines("/proc/self/maps"), address) is { } reservation
                   && Advise((nint)reservation.Start, (nuint)(reservation.End - reservation.Start));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>Advises [<paramref name="start"/>, +<paramref name="length"/>) on Linux; false when refused or elsewhere.</summary>
    internal static bool Advise(nint start, nuint length)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return madvise(start, length, MadvHugePage) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // a C library without madvise
        }
    }

    /// <summary>
    /// The run of adjacent anonymous mappings in <paramref name="maps"/> (lines of <c>/proc/self/maps</c>, in address
    /// order) that holds <paramref name="address"/>, as [start, end): the runtime reserves the heap as one range,
    /// which its commits split into mappings of their own, used and not yet used. Null when no anonymous mapping
    /// holds the address; a <see cref="FormatException"/> for a listing not in the kernel's form.
    /// </summary>
    internal static (ulong Start, ulong End)? ReservationAround(IEnumerable<string> maps, ulong address)
    {
        ulong start = 0, end = 0;
        var holds = false;
        foreach (var line in maps)
        {
            // start-end perms offset device inode [path]
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5) throw new FormatException("a line of /proc/self/maps without its five fields");
            var bounds = fields[0].Split('-');
            if (bounds.Length != 2) throw new FormatException("a line of /proc/self/maps without its range");
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
