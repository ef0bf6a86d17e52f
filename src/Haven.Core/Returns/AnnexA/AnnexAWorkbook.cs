using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Haven.Core.Returns.AnnexA;

/// One sheet of the workbook as values: the headers and each row's cells (string, DateOnly, int or null).
public sealed record AnnexASheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// Writes the Annex A lists as one Excel workbook (a sheet per list, the header row first, dates as
/// real Excel dates shown dd/mm/yyyy) with the Open XML SDK for the package, each sheet's XML written
/// as text (a few sheets at once, one per core); and reads one back (for the tests and for checking).
public static class AnnexAWorkbook
{
    private const uint DateStyle = 1;
    private const uint HeaderStyle = 2;

    public static void Write(string path, IEnumerable<AnnexASheet> sheets)
    {
        // The SDK keeps the zip in update mode, each part in memory until the end (about 200 MB at
        // 500,000 children); it refuses a write-only stream, which would let the zip be streamed.
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        // Each sheet's XML is written to memory on the thread pool, a few sheets ahead (one per core),
        // while this thread copies the finished ones into the package in order (the SDK is not
        // thread-safe): writing the text was most of the time and ran on one core.
        var list = sheets.ToList();
        var ahead = new Queue<Task<MemoryStream>>();
        var next = 0;
        void StartMore()
        {
            while (next < list.Count && ahead.Count < Math.Max(2, Environment.ProcessorCount))
            {
                var sheet = list[next++];
                ahead.Enqueue(Task.Run(() =>
                {
                    var buffer = new MemoryStream();
                    WriteSheet(buffer, sheet);
                    return buffer;
                }));
            }
        }
        StartMore();
        uint sheetId = 1;
        foreach (var sheet in list)
        {
            using var xml = ahead.Dequeue().GetAwaiter().GetResult();
            StartMore();
            var part = workbookPart.AddNewPart<WorksheetPart>();
            using (var stream = part.GetStream(FileMode.Create, FileAccess.Write))
            {
                xml.Position = 0;
                xml.CopyTo(stream);
            }
            sheetList.AppendChild(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId++, Name = sheet.Name });
        }
        workbookPart.Workbook.Save();
    }

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    /// One worksheet's XML, written straight to the part as text: byte for byte the markup an
    /// XmlWriter (and before it the SDK's OpenXmlWriter) gave — BOM, declaration, x: prefix, inline
    /// strings, s="1" dates as day numbers, t="n" numbers, <x:c /> for an empty cell — without the
    /// XmlWriter's namespace bookkeeping per element, which was most of the writing time (about
    /// 200 MB of XML at 500,000 children). Text that needs escaping goes through XmlWriter itself
    /// (Escape), so the two cannot disagree.
    private static void WriteSheet(Stream stream, AnnexASheet sheet)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        w.Write('\uFEFF'); // the byte order mark XmlWriter wrote for Encoding = UTF8Encoding(true)
        w.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?><x:worksheet xmlns:x=\"" + Main + "\"><x:sheetData>");
        WriteRow(w, sheet.Headers.Cast<object?>().ToList(), HeaderStyle);
        foreach (var row in sheet.Rows) WriteRow(w, row, null);
        w.Write("</x:sheetData></x:worksheet>");
    }

    private static void WriteRow(TextWriter w, IReadOnlyList<object?> values, uint? style)
    {
        Span<char> digits = stackalloc char[11];
        if (values.Count == 0)
        {
            w.Write("<x:row />");
            return;
        }
        w.Write("<x:row>");
        foreach (var value in values)
        {
            switch (value)
            {
                case null:
                    w.Write("<x:c />");
                    break;
                case DateOnly d:
                    // Excel's serial day number (days since 30/12/1899); DateTime.ToOADate gives the same for a whole day.
                    w.Write("<x:c s=\"1\"><x:v>");
                    (d.DayNumber - ExcelEpoch.DayNumber).TryFormat(digits, out var n1, provider: CultureInfo.InvariantCulture);
                    w.Write(digits[..n1]);
                    w.Write("</x:v></x:c>");
                    break;
                case int n:
                    w.Write("<x:c t=\"n\"><x:v>");
                    n.TryFormat(digits, out var n2, provider: CultureInfo.InvariantCulture);
                    w.Write(digits[..n2]);
                    w.Write("</x:v></x:c>");
                    break;
                default:
                    w.Write(style is { } s ? $"<x:c s=\"{s.ToString(CultureInfo.InvariantCulture)}\" t=\"inlineStr\"><x:is>" : "<x:c t=\"inlineStr\"><x:is>");
                    var text = value.ToString()!;
                    if (text.Length == 0) w.Write("<x:t />"); // as XmlWriter.WriteElementString writes an empty value
                    else
                    {
                        w.Write("<x:t>");
                        WriteText(w, text);
                        w.Write("</x:t>");
                    }
                    w.Write("</x:is></x:c>");
                    break;
            }
        }
        w.Write("</x:row>");
    }

    /// Text content: printable ASCII other than & < > is written as it is; anything else (markup
    /// characters, line breaks, other alphabets, characters XML forbids) is escaped by XmlWriter.
    private static void WriteText(TextWriter w, string text)
    {
        foreach (var ch in text)
            if (ch is < ' ' or > '~' or '&' or '<' or '>')
            {
                w.Write(Escape(text));
                return;
            }
        w.Write(text);
    }

    internal static string Escape(string text)
    {
        var sb = new StringBuilder();
        using (var x = XmlWriter.Create(sb, new XmlWriterSettings { ConformanceLevel = ConformanceLevel.Fragment }))
            x.WriteString(text);
        return sb.ToString();
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
