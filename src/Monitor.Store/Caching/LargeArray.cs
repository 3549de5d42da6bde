using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Monitor.Store.Caching;

/// <summary>
/// Arrays of hundreds of megabytes that are filled right after they are made (the segments read from the column
/// file). Memory touched for the first time costs a page fault per 4 KB page, and on the VMs this runs on a fault
/// is dear: filling 400 MB took 1.4-1.5 s of faults alone, against 0.03 s in 2 MB pages. Linux gives such
/// transparent huge pages to the memory a program asks them for (the usual setting, <c>madvise</c> in
/// /sys/kernel/mm/transparent_hugepage/enabled), and this array asks (<see cref="HugePages"/>), also where the
/// command line's advice for the whole heap is off or no longer holds for this memory (the collector forgets it where
/// it gives memory back and takes it again). It is allocated pinned (on the pinned object heap), so that it stays
/// where the advice was given. Elsewhere, or when the advice is refused, it is an ordinary array in 4 KB pages.
/// </summary>
internal static class LargeArray
{
    private const long HugePage = 2 << 20;

    /// <summary>An array whose elements the caller writes all of before reading any (they are not cleared).</summary>
    public static T[] Uninitialized<T>(int length) where T : unmanaged
    {
        var array = GC.AllocateUninitializedArray<T>(length, pinned: true);
        var bytes = (long)length * Unsafe.SizeOf<T>();
        if (!OperatingSystem.IsLinux() || bytes < 2 * HugePage) return array;
        // Only the whole 2 MB pages inside the array: the advice must not reach memory of other objects.
        var start = (long)Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        var (from, to) = ((start + HugePage - 1) & ~(HugePage - 1), (start + bytes) & ~(HugePage - 1));
        HugePages.Advise((nint)from, (nuint)(to - from)); // refused (no huge pages in this kernel): 4 KB pages
        return array;
    }
}
