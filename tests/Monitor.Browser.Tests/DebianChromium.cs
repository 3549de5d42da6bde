using Microsoft.Playwright;

namespace Monitor.Browser.Tests;

/// <summary>
/// Debian's chromium, started by Playwright (whose own browser download cannot work here). The flags keep it
/// from reaching out: this machine's closed network refuses those connections many at a time.
/// </summary>
internal static class DebianChromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool Installed => File.Exists(Path);

    public const string Missing = $"{Path} is not installed (apt-get install chromium)";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Path,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
}
