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
                        else if (reader.LocalName == "Child" && reader.NamespaceURI.Length == 0) children.Add(ReadChild(reader));
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

    // A Child element is read straight from the reader into the model, not first into an XElement:
    // building ~127,000 children's element trees and querying them was most of reading the region's
    // file back (2.7 s of CPU against 0.4 s for the parse alone). What each field is stays what the
    // XElement read gave, so any file reads as before: a field is the first element of its name (no
    // namespace) directly inside its parent, its value the text of everything inside it (as
    // XElement.Value), trimmed; repeated groups (episodes, assessments, ...) are every such element in
    // order; anything else is passed over. The tests compare the two reads (CinCensusXmlReadTests).
    private static CinChild ReadChild(XmlReader r)
    {
        string? la = null, upn = null, formerUpn = null, upnUnknown = null, birth = null, expectedBirth = null, sex = null, death = null, ethnicity = null;
        List<string>? disabilities = null;
        bool identifiers = false, characteristics = false;
        var episodes = new List<CinEpisode>();
        Children(r, name =>
        {
            if (name == "ChildIdentifiers" && !identifiers)
            {
                identifiers = true;
                Children(r, field =>
                {
                    switch (field)
                    {
                        case "LAchildID": First(r, ref la); break;
                        case "UPN": First(r, ref upn); break;
                        case "FormerUPN": First(r, ref formerUpn); break;
                        case "UPNunknown": First(r, ref upnUnknown); break;
                        case "PersonBirthDate": First(r, ref birth); break;
                        case "ExpectedPersonBirthDate": First(r, ref expectedBirth); break;
                        case "Sex": First(r, ref sex); break;
                        case "PersonDeathDate": First(r, ref death); break;
                        default: r.Skip(); break;
                    }
                });
            }
            else if (name == "ChildCharacteristics" && !characteristics)
            {
                characteristics = true;
                Children(r, field =>
                {
                    if (field == "Ethnicity") First(r, ref ethnicity);
                    else if (field == "Disabilities" && disabilities is null) disabilities = All(r, "Disability");
                    else r.Skip();
                });
            }
            else if (name == "CINdetails") episodes.Add(ReadEpisode(r));
            else r.Skip();
        });
        var laId = S(la) ?? "";
        return new CinChild(
            HavenIds.TryParse(laId, out var id) ? id : null,
            laId,
            S(upn),
            S(formerUpn),
            S(upnUnknown),
            D(birth),
            D(expectedBirth),
            S(sex) ?? "",
            D(death),
            S(ethnicity) ?? "",
            disabilities?.Select(v => v.Trim()).ToList() ?? [],
            episodes);
    }

    private static CinEpisode ReadEpisode(XmlReader r)
    {
        string? referralDate = null, source = null, need = null, closure = null, reason = null, initialCpc = null, nfa = null;
        var assessments = new List<CinAssessment>();
        var plans = new List<CinPlanDates>();
        var section47s = new List<CinSection47>();
        var cpps = new List<CinChildProtectionPlan>();
        Children(r, name =>
        {
            switch (name)
            {
                case "CINreferralDate": First(r, ref referralDate); break;
                case "ReferralSource": First(r, ref source); break;
                case "PrimaryNeedCode": First(r, ref need); break;
                case "CINclosureDate": First(r, ref closure); break;
                case "ReasonForClosure": First(r, ref reason); break;
                case "DateOfInitialCPC": First(r, ref initialCpc); break;
                case "ReferralNFA": First(r, ref nfa); break;
                case "Assessments":
                {
                    string? started = null, reviewed = null, authorised = null;
                    List<string>? factors = null;
                    Children(r, field =>
                    {
                        switch (field)
                        {
                            case "AssessmentActualStartDate": First(r, ref started); break;
                            case "AssessmentInternalReviewDate": First(r, ref reviewed); break;
                            case "AssessmentAuthorisationDate": First(r, ref authorised); break;
                            case "FactorsIdentifiedAtAssessment" when factors is null: factors = All(r, "AssessmentFactors"); break;
                            default: r.Skip(); break;
                        }
                    });
                    assessments.Add(new CinAssessment(null, D(started) ?? default, D(reviewed), D(authorised), factors?.Select(f => f.Trim()).ToList() ?? []));
                    break;
                }
                case "CINPlanDates":
                {
                    string? planStart = null, planEnd = null;
                    Children(r, field =>
                    {
                        if (field == "CINPlanStartDate") First(r, ref planStart);
                        else if (field == "CINPlanEndDate") First(r, ref planEnd);
                        else r.Skip();
                    });
                    plans.Add(new CinPlanDates(null, D(planStart) ?? default, D(planEnd)));
                    break;
                }
                case "Section47":
                {
                    string? s47Start = null, target = null, icpc = null, notRequired = null;
                    Children(r, field =>
                    {
                        switch (field)
                        {
                            case "S47ActualStartDate": First(r, ref s47Start); break;
                            case "InitialCPCtarget": First(r, ref target); break;
                            case "DateOfInitialCPC": First(r, ref icpc); break;
                            case "ICPCnotRequired": First(r, ref notRequired); break;
                            default: r.Skip(); break;
                        }
                    });
                    section47s.Add(new CinSection47(null, D(s47Start) ?? default, D(target), D(icpc), S(notRequired) is "1" or "true"));
                    break;
                }
                case "ChildProtectionPlans":
                {
                    string? cppStart = null, cppEnd = null, initial = null, latest = null, previous = null;
                    List<string>? reviews = null;
                    Children(r, field =>
                    {
                        switch (field)
                        {
                            case "CPPstartDate": First(r, ref cppStart); break;
                            case "CPPendDate": First(r, ref cppEnd); break;
                            case "InitialCategoryOfAbuse": First(r, ref initial); break;
                            case "LatestCategoryOfAbuse": First(r, ref latest); break;
                            case "NumberOfPreviousCPP": First(r, ref previous); break;
                            case "Reviews" when reviews is null: reviews = All(r, "CPPreviewDate"); break;
                            default: r.Skip(); break;
                        }
                    });
                    cpps.Add(new CinChildProtectionPlan(null, D(cppStart) ?? default, D(cppEnd), S(initial) ?? "", S(latest) ?? "",
                        int.TryParse(S(previous), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null,
                        reviews?.Select(D).OfType<DateOnly>().ToList() ?? []));
                    break;
                }
                default: r.Skip(); break;
            }
        });
        return new CinEpisode(null, D(referralDate), S(source) ?? "", S(need), D(closure), S(reason), D(initialCpc), assessments, plans, section47s, S(nfa), cpps);
    }

    /// Calls onElement for each element directly inside the element the reader is on, with its name
    /// (onElement reads the element to its end or skips it), elements in a namespace passed over;
    /// leaves the reader after the end of the element.
    private static void Children(XmlReader r, Action<string> onElement)
    {
        if (r.IsEmptyElement)
        {
            r.Read();
            return;
        }
        var depth = r.Depth;
        r.Read();
        while (!r.EOF && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.NodeType != XmlNodeType.Element) r.Read();
            else if (r.NamespaceURI.Length != 0) r.Skip();
            else onElement(r.LocalName);
        }
        r.Read();
    }

    /// The first element of a name sets the field; later ones are passed over (XElement.Element's first match).
    private static void First(XmlReader r, ref string? field)
    {
        if (field is null) field = Value(r);
        else r.Skip();
    }

    /// The values of every element of the name directly inside the element the reader is on (XElement.Elements).
    private static List<string> All(XmlReader r, string name)
    {
        var values = new List<string>();
        Children(r, field =>
        {
            if (field == name) values.Add(Value(r));
            else r.Skip();
        });
        return values;
    }

    /// XElement.Value: the text of everything inside the element, in order; the reader ends after it.
    private static string Value(XmlReader r)
    {
        if (r.IsEmptyElement)
        {
            r.Read();
            return "";
        }
        var depth = r.Depth;
        r.Read();
        string? only = null;
        StringBuilder? more = null;
        while (!r.EOF && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                if (only is null) only = r.Value;
                else (more ??= new StringBuilder(only)).Append(r.Value);
            }
            r.Read();
        }
        r.Read();
        return more?.ToString() ?? only ?? "";
    }

    private static string? S(string? value) => value?.Trim();

    private static DateOnly? D(string? value) =>
        DateOnly.TryParseExact(S(value), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

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
