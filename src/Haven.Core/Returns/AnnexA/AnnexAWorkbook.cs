using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Haven.Core.Returns.AnnexA;

/// One sheet of the workbook as values: the headers and each row's cells (string, DateOnly, int or null).
public sealed record AnnexASheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// Writes the Annex A lists as one Excel workbook (a sheet per list, the header row first, dates as
/// real Excel dates shown dd/mm/yyyy) with the Open XML SDK, streaming rows so a large borough does
/// not need the whole workbook in memory; and reads one back (for the tests and for checking).
public static class AnnexAWorkbook
{
    private const uint DateStyle = 1;
    private const uint HeaderStyle = 2;

    public static void Write(string path, IEnumerable<AnnexASheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(part))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, sheet.Headers.Cast<object?>().ToList(), HeaderStyle);
                foreach (var row in sheet.Rows) WriteRow(writer, row, null);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            sheetList.AppendChild(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId++, Name = sheet.Name });
        }
        workbookPart.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter writer, IReadOnlyList<object?> values, uint? style)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            switch (value)
            {
                case null:
                    writer.WriteElement(new Cell());
                    break;
                case DateOnly d:
                    writer.WriteElement(new Cell { StyleIndex = DateStyle, CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                    break;
                case int n:
                    writer.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(n) });
                    break;
                default:
                    writer.WriteElement(new Cell { DataType = CellValues.InlineString, StyleIndex = style, InlineString = new InlineString(new Text(value.ToString()!)) });
                    break;
            }
        }
        writer.WriteEndElement();
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true }) { Count = 3 });

    /// Reads every sheet back: dates (cells with the date style) as DateOnly, numbers as int, text as string.
    public static IReadOnlyList<AnnexASheet> Read(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbookPart = document.WorkbookPart!;
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var dateStyles = new HashSet<uint>();
        var formats = workbookPart.WorkbookStylesPart?.Stylesheet.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        for (var i = 0; i < formats.Count; i++)
            if (formats[i].NumberFormatId?.Value is 14 or 164) dateStyles.Add((uint)i);
        var result = new List<AnnexASheet>();
        foreach (var sheet in workbookPart.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
            var rows = part.Worksheet.Descendants<Row>().Select(r => (IReadOnlyList<object?>)r.Elements<Cell>().Select(c => Value(c, shared, dateStyles)).ToList()).ToList();
            var headers = rows.Count > 0 ? rows[0].Select(h => h?.ToString() ?? "").ToList() : [];
            result.Add(new AnnexASheet(sheet.Name!, headers, rows.Skip(1).Select(r => (IReadOnlyList<object?>)r.Concat(Enumerable.Repeat<object?>(null, Math.Max(0, headers.Count - r.Count))).ToList()).ToList()));
        }
        return result;
    }

    private static object? Value(Cell cell, List<string> shared, HashSet<uint> dateStyles)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString) return shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)];
        if (cell.DataType?.Value == CellValues.String) return cell.CellValue?.Text;
        if (cell.CellValue is null) return null;
        var number = double.Parse(cell.CellValue.Text, System.Globalization.CultureInfo.InvariantCulture);
        if (cell.StyleIndex?.Value is { } s && dateStyles.Contains(s)) return DateOnly.FromDateTime(DateTime.FromOADate(number));
        return (int)number;
    }
}
