namespace Monitor.Reporting.Report;

/// <summary>
/// The report's one stylesheet, inline. Screen: a reading column of 52rem. Phone (390 px): each table scrolls
/// inside its own box with its first column kept in view, charts scale to the column (their text stays at least
/// 11 px: <c>ChartStyle.TextSize</c>). Paper: A4 with margins, no forced page breaks (they left pages nearly
/// empty), headings kept with what follows, charts, short tables and the colophon never split, links written as the file
/// name they point to. Colour never carries meaning alone: changes also carry their sign, the summary a shape.
/// </summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --better: #006b4f; --worse: #b34700; --accent: #0072B2; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; margin: 0 auto; max-width: 52rem; padding: 1rem; line-height: 1.5; font-size: 1rem; overflow-wrap: break-word; }
        h1 { font-size: 1.9rem; line-height: 1.2; margin: .2rem 0 .6rem; }
        h2 { font-size: 1.4rem; margin: 2.2rem 0 .6rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 1.1rem; margin: 1.5rem 0 .4rem; break-after: avoid; page-break-after: avoid; }
        .kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .85rem; color: var(--muted); margin: 0; }
        .meta { margin: .2rem 0; color: var(--muted); }
        .contents-title { border: 0; margin-top: 1.2rem; font-size: 1.1rem; }
        ol.contents { list-style: none; padding-left: 0; margin: .3rem 0; columns: 2 16rem; }
        ol.contents li { break-inside: avoid; }
        .legend { border: 1px solid var(--line); border-radius: .3rem; padding: .4rem .8rem; margin: 1rem 0; font-size: .9rem; }
        .legend h2 { font-size: 1rem; border: 0; margin: .2rem 0; }
        .legend dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .3rem 0; }
        .legend dt { font-weight: 700; font-variant-numeric: tabular-nums; } .legend dd { margin: 0; }
        .note, .table-note { font-size: .9rem; color: var(--muted); border-left: 4px solid var(--accent); padding-left: .7rem; }
        .warning { font-size: .95rem; border-left: 4px solid #E69F00; background: #fff7e6; padding: .35rem .7rem; }
        .disclaimer { font-style: italic; border-left: 4px solid #D55E00; padding-left: .7rem; }
        ol.summary { list-style: none; padding: 0; margin: .8rem 0; }
        ol.summary li { margin: 0 0 .6rem; padding: .5rem .7rem .5rem 2.2rem; position: relative; border-left: 5px solid var(--line); background: #f6f6f6; break-inside: avoid; }
        ol.summary .sign { position: absolute; left: .6rem; font-weight: 700; }
        ol.summary li.judgement-better { border-left-color: var(--better); } ol.summary li.judgement-better .sign { color: var(--better); }
        ol.summary li.judgement-worse { border-left-color: var(--worse); } ol.summary li.judgement-worse .sign { color: var(--worse); }
        ol.summary li.caveat { border-left-color: #E69F00; background: #fff7e6; }
        .table-scroll { overflow-x: auto; margin: 1rem 0 .4rem; max-width: 100%; }
        .table-scroll:focus { outline: 2px solid var(--accent); }
        table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: .95rem; }
        caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
        a.file { font-weight: normal; font-size: .8rem; margin-left: .4rem; color: var(--accent); overflow-wrap: anywhere; }
        th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
        thead th { vertical-align: bottom; font-size: .85rem; }
        thead th[scope=colgroup] { text-align: center; border-bottom: 1px solid var(--muted); }
        th[scope=row] { font-weight: normal; min-width: 10rem; }
        tr.group th, tr.group td { font-weight: 700; }
        .num { text-align: right; } td.num { white-space: nowrap; }
        td.better { color: var(--better); } td.worse { color: var(--worse); }
        .mark { font-weight: 700; }
        figure { margin: 1.2rem 0; break-inside: avoid; page-break-inside: avoid; }
        figure svg { display: block; width: 100%; max-width: 480px; height: auto; }
        figcaption { font-size: .9rem; color: var(--muted); }
        .files { display: block; }
        dl.definitions dt { font-weight: 600; margin-top: .5rem; } dl.definitions dd { margin-left: 1.2rem; }
        footer { margin-top: 2rem; border-top: 1px solid var(--line); }
        @media (max-width: 40rem) {
          body { padding: .75rem 1rem; }
          h1 { font-size: 1.5rem; }
          th[scope=row] { position: sticky; left: 0; background: #fff; min-width: 8rem; max-width: 11rem; }
          ol.contents { columns: 1; }
        }
        @page { size: A4; margin: 16mm 15mm 18mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; line-height: 1.4; }
          h2 { margin-top: 1.4rem; }
          .table-scroll { overflow: visible; }
          table { font-size: 8.5pt; break-inside: auto; }
          th, td { padding: .2rem .3rem; }
          th[scope=row] { min-width: 0; }
          thead { display: table-header-group; }
          tr, th, td { break-inside: avoid; page-break-inside: avoid; }
          figure { break-inside: avoid; page-break-inside: avoid; }
          footer { break-inside: avoid; page-break-inside: avoid; }
          figure svg { max-width: 105mm; }
          a { color: inherit; text-decoration: none; }
          a.file { font-size: 8pt; }
          ol.summary li, .warning, .legend { background: none; }
          ol.contents { columns: 2; }
        }
        """;
}
