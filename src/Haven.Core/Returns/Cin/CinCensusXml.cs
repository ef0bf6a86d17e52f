using System.Globalization;
using System.Reflection;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Haven.Core.People;

namespace Haven.Core.Returns.Cin;

/// The CIN census XML message (statutory-returns.md §2.1): written in the DfE's element order, read
/// back into the same model, and checked against the schema kept beside this file (cin-census.xsd).
public static class CinCensusXml
{
    public const string FileName = "cin-census.xml";

    public static void Write(CinCensus census, Stream stream)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var w = XmlWriter.Create(stream, settings);
        w.WriteStartDocument();
        w.WriteStartElement("Message");
        w.WriteStartElement("Header");
        w.WriteStartElement("CollectionDetails");
        Text(w, "Collection", "CIN");
        Text(w, "Year", census.Header.Year.ToString(CultureInfo.InvariantCulture));
        Date(w, "ReferenceDate", census.Header.ReferenceDate);
        w.WriteEndElement();
        w.WriteStartElement("Source");
        Text(w, "SourceLevel", "L");
        Text(w, "LEA", census.Header.Lea);
        Text(w, "SoftwareCode", census.Header.SoftwareCode);
        Text(w, "Release", census.Header.Release);
        Text(w, "SerialNo", census.Header.SerialNo);
        Text(w, "DateTime", census.Header.DateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("Children");
        foreach (var c in census.Children)
        {
            w.WriteStartElement("Child");
            w.WriteStartElement("ChildIdentifiers");
            Text(w, "LAchildID", c.LAchildID);
            Text(w, "UPN", c.Upn);
            Text(w, "FormerUPN", c.FormerUpn);
            Text(w, "UPNunknown", c.UpnUnknown);
            Date(w, "PersonBirthDate", c.PersonBirthDate);
            Date(w, "ExpectedPersonBirthDate", c.ExpectedPersonBirthDate);
            Text(w, "Sex", c.Sex);
            Date(w, "PersonDeathDate", c.PersonDeathDate);
            w.WriteEndElement();
            w.WriteStartElement("ChildCharacteristics");
            w.WriteElementString("Ethnicity", c.Ethnicity);
            if (c.Disabilities.Count > 0)
            {
                w.WriteStartElement("Disabilities");
                foreach (var d in c.Disabilities) Text(w, "Disability", d);
                w.WriteEndElement();
            }
            w.WriteEndElement();
            foreach (var e in c.Episodes) WriteEpisode(w, e);
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void WriteEpisode(XmlWriter w, CinEpisode e)
    {
        w.WriteStartElement("CINdetails");
        Date(w, "CINreferralDate", e.CINreferralDate);
        Text(w, "ReferralSource", e.ReferralSource);
        Text(w, "PrimaryNeedCode", e.PrimaryNeedCode);
        Date(w, "CINclosureDate", e.CINclosureDate);
        Text(w, "ReasonForClosure", e.ReasonForClosure);
        Date(w, "DateOfInitialCPC", e.DateOfInitialCPC);
        foreach (var a in e.Assessments)
        {
            w.WriteStartElement("Assessments");
            Date(w, "AssessmentActualStartDate", a.AssessmentActualStartDate);
            Date(w, "AssessmentInternalReviewDate", a.AssessmentInternalReviewDate);
            Date(w, "AssessmentAuthorisationDate", a.AssessmentAuthorisationDate);
            if (a.Factors.Count > 0)
            {
                w.WriteStartElement("FactorsIdentifiedAtAssessment");
                foreach (var f in a.Factors) Text(w, "AssessmentFactors", f);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        foreach (var p in e.CINPlanDates)
        {
            w.WriteStartElement("CINPlanDates");
            Date(w, "CINPlanStartDate", p.CINPlanStartDate);
            Date(w, "CINPlanEndDate", p.CINPlanEndDate);
            w.WriteEndElement();
        }
        foreach (var s in e.Section47s)
        {
            w.WriteStartElement("Section47");
            Date(w, "S47ActualStartDate", s.S47ActualStartDate);
            Date(w, "InitialCPCtarget", s.InitialCPCtarget);
            Date(w, "DateOfInitialCPC", s.DateOfInitialCPC);
            Text(w, "ICPCnotRequired", s.ICPCnotRequired ? "1" : "0");
            w.WriteEndElement();
        }
        Text(w, "ReferralNFA", e.ReferralNFA);
        foreach (var p in e.ChildProtectionPlans)
        {
            w.WriteStartElement("ChildProtectionPlans");
            Date(w, "CPPstartDate", p.CPPstartDate);
            Date(w, "CPPendDate", p.CPPendDate);
            Text(w, "InitialCategoryOfAbuse", p.InitialCategoryOfAbuse);
            Text(w, "LatestCategoryOfAbuse", p.LatestCategoryOfAbuse);
            Text(w, "NumberOfPreviousCPP", p.NumberOfPreviousCPP?.ToString(CultureInfo.InvariantCulture));
            if (p.Reviews.Count > 0)
            {
                w.WriteStartElement("Reviews");
                foreach (var r in p.Reviews) Date(w, "CPPreviewDate", r);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Text(XmlWriter w, string name, string? value)
    {
        if (value is not null) w.WriteElementString(name, value);
    }

    private static void Date(XmlWriter w, string name, DateOnly? value)
    {
        if (value is { } d) w.WriteElementString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// Reads a CIN census message back into the model. Children's Haven keys come from LAchildID.
    /// The message is read one Child element at a time (150 MB at 500,000 children: a whole XDocument
    /// of it was most of the validation's memory and its collections), each the same XElement the
    /// whole-document read gave, so every value is read as before.
    public static CinCensus Read(Stream stream)
    {
        // The settings XDocument.Load used: insignificant whitespace dropped, a DOCTYPE parsed (no resolver).
        var settings = new XmlReaderSettings { IgnoreWhitespace = true, DtdProcessing = DtdProcessing.Parse, MaxCharactersFromEntities = 10_000_000 };
        using var reader = XmlReader.Create(stream, settings);
        if (reader.MoveToContent() != XmlNodeType.Element) throw new InvalidDataException("The file has no Message element.");
        XElement? headerElement = null;
        var children = new List<CinChild>();
        var childrenSeen = false;
        if (!reader.IsEmptyElement)
        {
            reader.Read();
            // The root's elements in order: the first Header and the first Children are read, as
            // root.Element("Header") and root.Element("Children") found them; anything else is passed over.
            while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == 0))
            {
                if (reader.NodeType != XmlNodeType.Element) reader.Read();
                else if (reader.LocalName == "Header" && reader.NamespaceURI.Length == 0 && headerElement is null)
                    headerElement = (XElement)XNode.ReadFrom(reader);
                else if (reader.LocalName == "Children" && reader.NamespaceURI.Length == 0 && !childrenSeen)
                {
                    childrenSeen = true;
                    if (reader.IsEmptyElement) { reader.Read(); continue; }
                    reader.Read();
                    while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == 1))
                    {
                        if (reader.NodeType != XmlNodeType.Element) reader.Read();
                        else if (reader.LocalName == "Child" && reader.NamespaceURI.Length == 0) children.Add(ReadChild((XElement)XNode.ReadFrom(reader)));
                        else reader.Skip();
                    }
                    reader.Read(); // </Children>
                }
                else reader.Skip();
            }
        }
        while (reader.Read()) { } // the rest of the document, so a malformed end still fails as XDocument.Load did

        var details = headerElement?.Element("CollectionDetails");
        var source = headerElement?.Element("Source");
        var refDate = D(details?.Element("ReferenceDate"));
        var year = int.TryParse(S(details?.Element("Year")), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : refDate?.Year ?? 0;
        var header = new CinHeader(year, refDate ?? default, S(source?.Element("LEA")) ?? "", S(source?.Element("SoftwareCode")) ?? "",
            S(source?.Element("Release")) ?? "", S(source?.Element("SerialNo")) ?? "",
            DateTime.TryParse(S(source?.Element("DateTime")), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var dt) ? dt : default);
        return new CinCensus(header, children);
    }

    private static CinChild ReadChild(XElement c)
    {
        var ids = c.Element("ChildIdentifiers");
        var chars = c.Element("ChildCharacteristics");
        var la = S(ids?.Element("LAchildID")) ?? "";
        return new CinChild(
            HavenIds.TryParse(la, out var id) ? id : null,
            la,
            S(ids?.Element("UPN")),
            S(ids?.Element("FormerUPN")),
            S(ids?.Element("UPNunknown")),
            D(ids?.Element("PersonBirthDate")),
            D(ids?.Element("ExpectedPersonBirthDate")),
            S(ids?.Element("Sex")) ?? "",
            D(ids?.Element("PersonDeathDate")),
            S(chars?.Element("Ethnicity")) ?? "",
            chars?.Element("Disabilities")?.Elements("Disability").Select(x => x.Value.Trim()).ToList() ?? [],
            c.Elements("CINdetails").Select(ReadEpisode).ToList());
    }

    private static CinEpisode ReadEpisode(XElement e) => new(
        null,
        D(e.Element("CINreferralDate")),
        S(e.Element("ReferralSource")) ?? "",
        S(e.Element("PrimaryNeedCode")),
        D(e.Element("CINclosureDate")),
        S(e.Element("ReasonForClosure")),
        D(e.Element("DateOfInitialCPC")),
        e.Elements("Assessments").Select(a => new CinAssessment(null,
            D(a.Element("AssessmentActualStartDate")) ?? default,
            D(a.Element("AssessmentInternalReviewDate")),
            D(a.Element("AssessmentAuthorisationDate")),
            a.Element("FactorsIdentifiedAtAssessment")?.Elements("AssessmentFactors").Select(f => f.Value.Trim()).ToList() ?? [])).ToList(),
        e.Elements("CINPlanDates").Select(p => new CinPlanDates(null, D(p.Element("CINPlanStartDate")) ?? default, D(p.Element("CINPlanEndDate")))).ToList(),
        e.Elements("Section47").Select(s => new CinSection47(null,
            D(s.Element("S47ActualStartDate")) ?? default,
            D(s.Element("InitialCPCtarget")),
            D(s.Element("DateOfInitialCPC")),
            S(s.Element("ICPCnotRequired")) is "1" or "true")).ToList(),
        S(e.Element("ReferralNFA")),
        e.Elements("ChildProtectionPlans").Select(p => new CinChildProtectionPlan(null,
            D(p.Element("CPPstartDate")) ?? default,
            D(p.Element("CPPendDate")),
            S(p.Element("InitialCategoryOfAbuse")) ?? "",
            S(p.Element("LatestCategoryOfAbuse")) ?? "",
            int.TryParse(S(p.Element("NumberOfPreviousCPP")), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null,
            p.Element("Reviews")?.Elements("CPPreviewDate").Select(r => D(r)).OfType<DateOnly>().ToList() ?? [])).ToList());

    private static string? S(XElement? e) => e is null ? null : e.Value.Trim();

    private static DateOnly? D(XElement? e) =>
        DateOnly.TryParseExact(S(e), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// The schema kept in the repository (Returns/Cin/cin-census.xsd).
    public static XmlSchemaSet Schema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Haven.Core.Returns.Cin.cin-census.xsd")
            ?? throw new InvalidOperationException("The CIN census schema is not embedded.");
        var set = new XmlSchemaSet();
        set.Add(null, XmlReader.Create(stream));
        set.Compile();
        return set;
    }

    /// Checks a message against the schema; gives each problem with its line.
    public static IReadOnlyList<string> SchemaErrors(Stream stream)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema() };
        settings.ValidationEventHandler += (_, e) => errors.Add($"line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(stream, settings);
        while (reader.Read()) { }
        return errors;
    }
}
