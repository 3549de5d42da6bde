using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using XCell = DocumentFormat.OpenXml.Spreadsheet.Cell;

namespace Monitor.Reporting.Report.Files;

/// <summary>
/// Every table of the report in one workbook, <c>tabellen.xlsx</c> (DocumentFormat.OpenXml 2.20.0): a first sheet
/// that explains the markers, then one sheet per table named after its CSV file. Published figures are numeric
/// cells with every digit; a hidden or missing figure is the page's marker as text, never a number.
/// </summary>
public static class TableWorkbook
{
    public static byte[] Write(IReadOnlyList<ReportTable> tables, View view, ReportModel model)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            // Relationship ids of our own (the package would draw random ones): the same tables give the same bytes.
            var workbook = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            void AddSheet(string name, IEnumerable<IReadOnlyList<object?>> rows)
            {
                var part = workbook.AddNewPart<WorksheetPart>("rId" + id.ToString(CultureInfo.InvariantCulture));
                var data = new SheetData();
                uint r = 1;
                foreach (var values in rows)
                {
                    var row = new Row { RowIndex = r };
                    for (var c = 0; c < values.Count; c++)
                    {
                        var reference = ColumnName(c) + r.ToString(CultureInfo.InvariantCulture);
                        row.Append(values[c] switch
                        {
                            double d => new XCell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(d.ToString("R", CultureInfo.InvariantCulture)) },
                            null => new XCell { CellReference = reference },
                            var text => new XCell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text.ToString()!)) },
                        });
                    }
                    data.Append(row);
                    r++;
                }
                part.Worksheet = new Worksheet(data);
                var sheetName = UniqueName(name, names);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = sheetName });
            }

            var intro = new List<IReadOnlyList<object?>> { new object?[] { model.Title + " — " + model.Subtitle } };
            intro.AddRange(model.Meta.Select(m => (IReadOnlyList<object?>)[m]));
            intro.Add([model.LegendTitle]);
            intro.AddRange(model.Legend.Select(l => (IReadOnlyList<object?>)[l.Term, l.Text]));
            AddSheet(view.W["file.workbook_intro"], intro);

            foreach (var table in tables)
            {
                var rows = new List<IReadOnlyList<object?>> { new object?[] { table.Caption } };
                var header = new List<object?> { table.LabelHeader.Length > 0 ? table.LabelHeader : view.W["file.column.label"] };
                if (table.HasUnits) header.Add(view.W["file.column.unit"]);
                header.AddRange(table.Columns.Select(c => c.FileHeader));
                rows.Add(header);
                foreach (var row in table.Rows)
                {
                    var cells = new List<object?> { row.Label };
                    if (table.HasUnits) cells.Add(row.UnitText);
                    // A figure without a number reads as on the page: its marker, or its words ("nog niet te bepalen").
                    cells.AddRange(row.Cells.Select(c => c.Key is null ? c.Text : view.Marker(c.Key) is not null ? view.Text(c) : (object?)view.Value(c.Key)!.Value));
                    rows.Add(cells);
                }
                AddSheet(table.File, rows);
            }
            workbook.Workbook.Save();
        }
        return WithFixedTimes(stream);
    }

    /// <summary>The package stamps each part with the time it was written; one fixed time instead, so that a report
    /// written again from the same figures is the same file, byte for byte (as its CSV, SVG and JSON files are).</summary>
    private static byte[] WithFixedTimes(MemoryStream package)
    {
        var stamp = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        package.Position = 0;
        using var copy = new MemoryStream();
        using (var from = new System.IO.Compression.ZipArchive(package, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true))
        using (var to = new System.IO.Compression.ZipArchive(copy, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in from.Entries)
            {
                var target = to.CreateEntry(entry.FullName, System.IO.Compression.CompressionLevel.Optimal);
                target.LastWriteTime = stamp;
                using var source = entry.Open();
                using var destination = target.Open();
                source.CopyTo(destination);
            }
        }
        return copy.ToArray();
    }

    private static string UniqueName(string name, HashSet<string> taken)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c) ? '-' : c).ToArray());
        var candidate = clean.Length > 31 ? clean[..31] : clean;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            var suffix = "-" + i.ToString(CultureInfo.InvariantCulture);
            candidate = (clean.Length > 31 - suffix.Length ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return candidate;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}
