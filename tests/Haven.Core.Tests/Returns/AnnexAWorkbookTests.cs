using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Haven.Core.Returns.AnnexA;

namespace Haven.Core.Tests.Returns;

/// The workbook writer writes each sheet's XML as text, not through XmlWriter: these hold it to the
/// exact bytes XmlWriter wrote (the markup before the change, kept here as the reference) and to
/// reading back every cell, with text that needs escaping, other alphabets, empty and missing cells.
public sealed class AnnexAWorkbookTests
{
    private static readonly AnnexASheet Tricky = new("List 1 Contacts", ["Child Unique ID", "Date of Contact", "Age", "Contact Source"],
    [
        ["H1", new DateOnly(2025, 4, 1), 7, "Tom & Jerry <b> \"O'Brien\" > 3"],
        ["H2", null, null, "Zoë Łukasz – café\nsecond line\ttab \U0001F600"],
        ["H3", new DateOnly(1900, 3, 1), 0, AnnexAPolicy.Withheld],
        [null, new DateOnly(2026, 3, 31), -5, ""],
        ["H5", new DateOnly(1999, 12, 31), int.MaxValue, "line\r\nbreak\rand return"],
    ]);

    private static readonly AnnexASheet Plain = new("List 11 Adopters", ["Individual adopter identifier", "Family identifier"], [["A1-1", "A1"]]);

    [Fact]
    public void Write_EachSheetPart_IsByteForByteTheMarkupXmlWriterWrote()
    {
        var path = Path.Combine(Path.GetTempPath(), $"annex-a-{Guid.NewGuid():N}.xlsx");
        try
        {
            AnnexAWorkbook.Write(path, [Tricky, Plain]);
            using var zip = ZipFile.OpenRead(path);
            var parts = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
            Assert.Equal(2, parts.Count);
            foreach (var (part, sheet) in parts.Zip(new[] { Tricky, Plain }))
            {
                using var stream = part.Open();
                using var bytes = new MemoryStream();
                stream.CopyTo(bytes);
                Assert.Equal(Encoding.UTF8.GetString(Reference(sheet)), Encoding.UTF8.GetString(bytes.ToArray()));
                Assert.Equal(Reference(sheet), bytes.ToArray());
            }
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Write_ThenRead_GivesBackEveryCell()
    {
        var path = Path.Combine(Path.GetTempPath(), $"annex-a-{Guid.NewGuid():N}.xlsx");
        try
        {
            AnnexAWorkbook.Write(path, [Tricky, Plain]);
            var sheets = AnnexAWorkbook.Read(path);
            Assert.Equal(new[] { "List 1 Contacts", "List 11 Adopters" }, sheets.Select(s => s.Name));
            Assert.Equal(Tricky.Headers, sheets[0].Headers);
            // XML reads a line break back as \n whatever was written (\r\n or \r), as it did before.
            var expected = Tricky.Rows.Select(r => r.Select(v => v is string s ? s.Replace("\r\n", "\n").Replace('\r', '\n') : v).ToList()).ToList();
            Assert.Equal(expected.Count, sheets[0].Rows.Count);
            for (var i = 0; i < expected.Count; i++) Assert.Equal<object?>(expected[i], sheets[0].Rows[i]);
            Assert.Equal<object?>(Plain.Rows[0], sheets[1].Rows[0]);
        }
        finally { File.Delete(path); }
    }

    /// The sheet as the XmlWriter-based writer wrote it (the code before the text writer).
    private static byte[] Reference(AnnexASheet sheet)
    {
        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(true), CloseOutput = false }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("x", "worksheet", main);
            w.WriteStartElement("x", "sheetData", main);
            foreach (var (row, style) in new[] { (sheet.Headers.Cast<object?>().ToList(), (uint?)2) }.Concat(sheet.Rows.Select(r => (r.ToList(), (uint?)null))))
            {
                w.WriteStartElement("x", "row", main);
                foreach (var value in row)
                {
                    w.WriteStartElement("x", "c", main);
                    switch (value)
                    {
                        case null: break;
                        case DateOnly d:
                            w.WriteAttributeString("s", "1");
                            w.WriteElementString("x", "v", main, (d.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture));
                            break;
                        case int n:
                            w.WriteAttributeString("t", "n");
                            w.WriteElementString("x", "v", main, n.ToString(CultureInfo.InvariantCulture));
                            break;
                        default:
                            if (style is { } s) w.WriteAttributeString("s", s.ToString(CultureInfo.InvariantCulture));
                            w.WriteAttributeString("t", "inlineStr");
                            w.WriteStartElement("x", "is", main);
                            w.WriteElementString("x", "t", main, value.ToString()!);
                            w.WriteEndElement();
                            break;
                    }
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return stream.ToArray();
    }
}
