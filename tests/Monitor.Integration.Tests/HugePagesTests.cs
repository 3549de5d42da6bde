using System.Globalization;
using System.Runtime.InteropServices;
using Monitor.Store;

namespace Monitor.Integration.Tests;

/// <summary>The advice to back the managed heap with huge pages, which the command line gives first (<see cref="HugePages"/>).</summary>
public sealed class HugePagesTests
{
    private const string Mode = "/sys/kernel/mm/transparent_hugepage/enabled";

    private enum Kind { Anonymous, NamedAnonymous, File, Heap, Stack }

    private sealed record Mapping(ulong Start, ulong End, Kind Kind)
    {
        public bool Anonymous => Kind is Kind.Anonymous or Kind.NamedAnonymous;

        public string Line => Kind switch
        {
            Kind.Anonymous => $"{Start:x}-{End:x} ---p 00000000 00:00 0 ",
            Kind.NamedAnonymous => $"{Start:x}-{End:x} rw-p 00000000 00:00 0                          [anon:dotnet-gc]",
            Kind.File => $"{Start:x}-{End:x} r-xp 00012000 08:01 1314                       /usr/lib/x86_64-linux-gnu/libc.so.6",
            Kind.Heap => $"{Start:x}-{End:x} rw-p 00000000 00:00 0                          [heap]",
            _ => $"{Start:x}-{End:x} rw-p 00000000 00:00 0                          [stack]",
        };
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TheReservationIsTheRunOfAdjacentAnonymousMappingsAroundTheAddress(int seed)
    {
        var random = new Random(seed);
        for (var listing = 0; listing < 300; listing++)
        {
            var maps = new List<Mapping>();
            var at = (ulong)random.Next(1, 1 << 20) << 12;
            for (var i = random.Next(1, 40); i > 0; i--)
            {
                if (random.Next(3) == 0) at += (ulong)random.Next(1, 64) << 12; // a hole
                var end = at + ((ulong)random.Next(1, 1 << 16) << 12);
                maps.Add(new Mapping(at, end, (Kind)random.Next(random.Next(2) == 0 ? 2 : 5)));
                at = end;
            }
            var address = maps[0].Start + (ulong)random.NextInt64((long)(at - maps[0].Start + 8192));

            // The model: the mapping that holds the address, widened over touching anonymous neighbours.
            var holder = maps.FindIndex(m => m.Start <= address && address < m.End);
            (ulong, ulong)? expected = null;
            if (holder >= 0 && maps[holder].Anonymous)
            {
                var (first, last) = (holder, holder);
                while (first > 0 && maps[first - 1].Anonymous && maps[first - 1].End == maps[first].Start) first--;
                while (last < maps.Count - 1 && maps[last + 1].Anonymous && maps[last + 1].Start == maps[last].End) last++;
                expected = (maps[first].Start, maps[last].End);
            }

            Assert.Equal(expected, HugePages.ReservationAround(maps.Select(m => m.Line), address));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("7f00-7f10")]
    [InlineData("7f00 ---p 00000000 00:00 0")]
    [InlineData("7g00-7f10 ---p 00000000 00:00 0")]
    public void AListingNotInTheKernelsFormIsAFormatException(string line) =>
        Assert.Throws<FormatException>(() => HugePages.ReservationAround(["7e00-7f00 ---p 00000000 00:00 0", line], 0x7f05));

    [Fact]
    public void TheHeapIsAdvisedWhereLinuxLeavesHugePagesToTheProgram()
    {
        var leftToPrograms = OperatingSystem.IsLinux() && File.Exists(Mode) && File.ReadAllText(Mode).Contains("[madvise]");
        foreach (var off in new[] { "0", "off", "OFF", "false", "no", " 0 " }) Assert.False(HugePages.AdviseManagedHeap(off));

        var kept = GC.AllocateArray<byte>(1 << 20, pinned: true);
        Assert.Equal(leftToPrograms, HugePages.AdviseManagedHeap(null));
        if (!leftToPrograms) return;

        // The mapping that holds a live heap object now carries the kernel's flag for the advice, "hg" (it gets
        // huge pages where it holds a whole, aligned 2 MiB).
        var address = (ulong)Marshal.UnsafeAddrOfPinnedArrayElement(kept, 0);
        var flags = FlagsOf(File.ReadLines("/proc/self/smaps"), address);
        Assert.Contains("hg", flags);
        GC.KeepAlive(kept);
    }

    private static string[] FlagsOf(IEnumerable<string> smaps, ulong address)
    {
        var inside = false;
        foreach (var line in smaps)
        {
            var dash = line.IndexOf('-');
            var space = line.IndexOf(' ');
            if (dash > 0 && space > dash && ulong.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, null, out var start)
                && ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, null, out var end))
                inside = start <= address && address < end;
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
                return line["VmFlags:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        return [];
    }
}
