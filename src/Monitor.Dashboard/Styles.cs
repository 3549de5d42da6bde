namespace Monitor.Dashboard;

/// <summary>
/// The one stylesheet, inlined in every page (no file to fetch). System fonts; tables that become one card per
/// row below 40rem, so a 390 px phone never scrolls sideways; status as a word on a tint, never colour alone.
/// </summary>
internal static class Styles
{
    public const string Css = """
        :root { color-scheme: light; --ink: #1b1f23; --muted: #57606a; --line: #d0d7de; --good: #dafbe1; --bad: #ffebe9; --warn: #fff8c5; --link: #0550ae; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
        header { background: #24292f; }
        nav { max-width: 80rem; margin: 0 auto; padding: .5rem 1rem; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; align-items: baseline; }
        nav a, nav .brand { color: #fff; text-decoration: none; }
        nav .brand { font-weight: 600; margin-right: auto; }
        nav a[aria-current="page"] { text-decoration: underline; text-underline-offset: .3em; }
        main { max-width: 80rem; margin: 0 auto; padding: 1rem; }
        footer { max-width: 80rem; margin: 0 auto; padding: 1rem; color: var(--muted); font-size: .875rem; overflow-wrap: anywhere; }
        h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }
        h3 { font-size: 1.05rem; }
        a { color: var(--link); }
        code { font: .9em ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
        th { font-size: .875rem; color: var(--muted); font-weight: 600; }
        .n { text-align: right; font-variant-numeric: tabular-nums; }
        .path { overflow-wrap: anywhere; font-size: .9rem; }
        .muted { color: var(--muted); font-size: .9em; }
        .why { font-size: .9rem; margin-top: .25rem; overflow-wrap: anywhere; }
        .status { display: inline-block; padding: 0 .45rem; border-radius: .75rem; font-size: .85rem; white-space: nowrap; background: #eaeef2; }
        .status.good { background: var(--good); } .status.bad { background: var(--bad); } .status.warn { background: var(--warn); }
        .banner { padding: .6rem .9rem; border-radius: .4rem; margin: 0 0 1rem; overflow-wrap: anywhere; }
        .banner p { margin: 0; } .banner ul { margin: .4rem 0 0; padding-left: 1.2rem; }
        .banner.good { background: var(--good); } .banner.bad { background: var(--bad); }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .5rem 0 1rem; }
        dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        section.pipeline, section.import { border-top: 1px solid var(--line); }
        ul.problems li { overflow-wrap: anywhere; }
        @media (max-width: 40rem) {
          table.cards thead { display: none; }
          table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
          table.cards tr { border: 1px solid var(--line); border-radius: .4rem; margin: 0 0 .75rem; padding: .25rem .5rem; }
          table.cards td { border: 0; padding: .2rem 0; text-align: left; }
          table.cards td::before { content: attr(data-label); display: block; font-size: .8rem; color: var(--muted); }
          dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: .4rem; }
        }
        """;
}
