using Haven.Core.Assessments;
using Haven.Core.ChildInNeed;
using Haven.Core.ChildProtection;
using Haven.Core.People;
using Haven.Core.Plans;
using Haven.Core.Referrals;
using Haven.Core.Returns.Cin;
using Haven.Core.Returns.Cin.Rules;
using Haven.Core.Tests.Synthetic;

namespace Haven.Core.Tests.Returns;

/// A small hand-built borough whose 2025-26 CIN census was worked out by hand (CinCensusGolden.xml).
public class CinCensusTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
    private static readonly DateTime Now = new(2026, 4, 2, 9, 0, 0, DateTimeKind.Utc);

    /// A: referred 1 May 2025, assessed, CIN plan, section 47, ICPC, CP plan with one review — all in the year.
    /// B: unborn, referral in February 2026 that led to no further action.
    /// C: episode closed before the year (left out). D: referred after the year (left out).
    /// E: referred January 2025, assessed before the year (assessment left out), closed 20 April 2025.
    private static async Task SeedAsync(Haven.Core.Data.HavenDbContext db)
    {
        Person Child(string name, Sex sex, DateOnly? dob, string ethnicity, string? upn = null, string? unknown = null, DateOnly? expected = null, string disability = "NONE") =>
            new() { Kind = PersonKind.Child, FirstName = name, LastName = "Test", Sex = sex, DateOfBirth = dob, ExpectedDateOfBirth = expected, EthnicityCode = ethnicity, Upn = upn, UpnUnknownReason = unknown, DisabilityCodes = disability };
        var a = Child("Ann", Sex.Female, D("2015-06-01"), "WBRI", upn: "C999000000001");
        var b = Child("Bee", Sex.Unknown, null, "NOBT", unknown: "UN6", expected: D("2026-05-01"), disability: "");
        var c = Child("Cat", Sex.Male, D("2012-01-01"), "AIND", unknown: "UN5");
        var d = Child("Dan", Sex.Male, D("2013-01-01"), "BAFR", unknown: "UN5");
        var e = Child("Eve", Sex.Female, D("2010-02-03"), "MWBA", unknown: "UN2", disability: "AUT LD");
        db.People.AddRange(a, b, c, d, e);
        await db.SaveChangesAsync();

        Referral R(Person p, string date, string source, string? need, string? closed = null, string? reason = null, bool nfa = false) =>
            new() { ChildId = p.Id, ReferralDate = D(date), SourceCode = source, PrimaryNeedCode = need, ClosureDate = closed is null ? null : D(closed), ReasonForClosureCode = reason, NoFurtherAction = nfa };
        var ra = R(a, "2025-05-01", "2A", "N1");
        var rb = R(b, "2026-02-02", "3B", null, "2026-02-03", "RC7", nfa: true);
        var rc = R(c, "2024-10-01", "6", "N4", "2025-03-01", "RC7");
        var rd = R(d, "2026-04-05", "6", "N4");
        var re = R(e, "2025-01-10", "6", "N4", "2025-04-20", "RC7");
        db.Referrals.AddRange(ra, rb, rc, rd, re);
        await db.SaveChangesAsync();

        db.Assessments.Add(new Assessment { ChildId = a.Id, ReferralId = ra.Id, StartDate = D("2025-05-02"), DueDate = D("2025-07-03"), AuthorisedDate = D("2025-06-10"), Outcome = AssessmentOutcome.ChildInNeedPlan, Factors = [new() { Code = "3B" }, new() { Code = "4B" }] });
        db.Assessments.Add(new Assessment { ChildId = e.Id, ReferralId = re.Id, StartDate = D("2025-01-11"), DueDate = D("2025-03-14"), AuthorisedDate = D("2025-02-20"), Outcome = AssessmentOutcome.ChildInNeedPlan, Factors = [new() { Code = "21" }] });
        var plan = new Plan { ChildId = a.Id, Kind = PlanKind.ChildInNeed, StartDate = D("2025-06-11"), EndDate = D("2025-09-01"), CurrentVersionNumber = 1 };
        db.Add(plan);
        await db.SaveChangesAsync();
        db.ChildInNeedPlans.Add(new ChildInNeedPlan { ChildId = a.Id, PlanId = plan.Id, StartDate = D("2025-06-11"), EndDate = D("2025-09-01"), ClosureReason = ChildInNeedPlanClosureReason.ChildProtectionPlan });
        var strategy = new StrategyDiscussion { ChildId = a.Id, ReferralId = ra.Id, Date = D("2025-09-02"), Concerns = "Neglect", StartSection47 = true };
        db.Add(strategy);
        await db.SaveChangesAsync();
        var s47 = new Section47Enquiry { ChildId = a.Id, ReferralId = ra.Id, StrategyDiscussionId = strategy.Id, StartDate = D("2025-09-02"), InitialConferenceDue = D("2025-09-23"), Outcome = Section47Outcome.ConferenceRequired, CompletedDate = D("2025-09-19"), InitialConferenceDate = D("2025-09-22") };
        db.Section47Enquiries.Add(s47);
        await db.SaveChangesAsync();
        var icpc = new ChildProtectionConference { ChildId = a.Id, Kind = ConferenceKind.Initial, Section47EnquiryId = s47.Id, Date = D("2025-09-22"), Chair = "Chair", PlanNeeded = true, CategoryOfAbuse = "NEG" };
        db.ChildProtectionConferences.Add(icpc);
        await db.SaveChangesAsync();
        var cpp = new ChildProtectionPlan { ChildId = a.Id, StartDate = D("2025-09-22"), CategoryOfAbuse = "EMO", StartConferenceId = icpc.Id, PreviousPlans = 1 };
        db.ChildProtectionPlans.Add(cpp);
        await db.SaveChangesAsync();
        db.ChildProtectionConferences.Add(new ChildProtectionConference { ChildId = a.Id, Kind = ConferenceKind.Review, ChildProtectionPlanId = cpp.Id, Date = D("2025-12-15"), Chair = "Chair", PlanNeeded = true, CategoryOfAbuse = "EMO" });
        await db.SaveChangesAsync();
    }

    private static string Golden() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Returns", "CinCensusGolden.xml")).ReplaceLineEndings("\n");

    private static string Xml(CinCensus census)
    {
        using var stream = new MemoryStream();
        CinCensusXml.Write(census, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n");
    }

    [Fact]
    public async Task Build_HandBuiltBorough_MatchesHandWorkedXml()
    {
        using var database = new TestDatabase();
        await using (var db = database.Open()) await SeedAsync(db);
        await using var read = database.Open();
        var census = await CinCensusBuilder.BuildAsync(read, 2026, now: Now);
        Assert.Equal(Golden().Trim(), Xml(census).Trim());
        Assert.DoesNotContain(CinRules.Check(census), f => !CinRules.IsQuery(f.RuleCode));
    }

    [Fact]
    public void Schema_GoldenFile_Validates()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Golden()));
        Assert.Empty(CinCensusXml.SchemaErrors(stream));
    }

    [Fact]
    public void Schema_ElementsOutOfOrder_Fails()
    {
        var broken = Golden().Replace("<Sex>F</Sex>", "").Replace("<LAchildID>H1</LAchildID>", "<LAchildID>H1</LAchildID><Sex>F</Sex>");
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(broken));
        Assert.NotEmpty(CinCensusXml.SchemaErrors(stream));
    }

    [Fact]
    public void Read_GoldenFile_WritesBackTheSame()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Golden()));
        var census = CinCensusXml.Read(stream);
        Assert.Equal(["H1", "H2", "H5"], census.Children.Select(c => c.LAchildID));
        Assert.Equal([1, 2, 5], census.Children.Select(c => c.ChildId ?? 0));
        Assert.Equal(Golden().Trim(), Xml(census).Trim());
    }

    /// Read takes the message one Child at a time: what the whole-document read found (the first Header
    /// and the first Children, wherever they stand among the root's elements; comments, text and other
    /// elements passed over) it must still find.
    [Fact]
    public void Read_HeaderAfterChildren_CommentsAndOtherElements_ReadsTheSame()
    {
        var golden = Golden();
        var headerStart = golden.IndexOf("<Header>", StringComparison.Ordinal);
        var headerEnd = golden.IndexOf("</Header>", StringComparison.Ordinal) + "</Header>".Length;
        var header = golden[headerStart..headerEnd];
        var moved = golden.Remove(headerStart, headerEnd - headerStart)
            .Replace("<Message>", "<Message><!-- a note --><Other><Child><ChildIdentifiers><LAchildID>H9</LAchildID></ChildIdentifiers></Child></Other>stray text")
            .Replace("<Children>", "<Children><!-- first --><Note>not a child</Note>")
            .Replace("</Children>", "</Children><Children><Child><ChildIdentifiers><LAchildID>H8</LAchildID></ChildIdentifiers></Child></Children>" + header + "<Header><Source><LEA>111</LEA></Source></Header>");
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(moved));
        var census = CinCensusXml.Read(stream);
        Assert.Equal(["H1", "H2", "H5"], census.Children.Select(c => c.LAchildID));
        Assert.Equal(golden.Trim(), Xml(census).Trim());
    }

    /// Read takes each Child straight from the reader, not through an XElement: it must read what the
    /// XElement read did. A field is the first element of its name (not in a namespace) directly inside
    /// its parent, its value all the text inside it (CDATA, text around comments and nested elements)
    /// trimmed; a second group of a kind met only once (ChildIdentifiers, Disabilities, Reviews, ...) and
    /// unknown elements are passed over; repeated groups are all kept in order. Every change below is one
    /// that read must not see, so the census must write back as the golden file.
    [Fact]
    public void Read_FieldsAsTheElementReadFoundThem()
    {
        var golden = Golden();
        string Once(string text, string what, string with)
        {
            var at = text.IndexOf(what, StringComparison.Ordinal);
            Assert.True(at >= 0, what);
            return text[..at] + with + text[(at + what.Length)..];
        }
        var odd = Once(golden, "<LAchildID>H1</LAchildID>", "<LAchildID> H<!-- a note -->1 </LAchildID><LAchildID>H7</LAchildID>");
        odd = Once(odd, "<Sex>F</Sex>", "<x:Sex xmlns:x=\"urn:other\">M</x:Sex><Sex><![CDATA[F]]></Sex><Sex>M</Sex><Unknown><Sex>M</Sex></Unknown>");
        odd = Once(odd, "<Ethnicity>WBRI</Ethnicity>", "<Ethnicity>W<b>BR</b>I</Ethnicity><Ethnicity>ZZZZ</Ethnicity>");
        odd = Once(odd, "<Disability>NONE</Disability>", "<Disability>\n NONE\n</Disability><?pi x?>");
        odd = Once(odd, "</ChildCharacteristics>", "</ChildCharacteristics><ChildCharacteristics><Ethnicity>OTHR</Ethnicity></ChildCharacteristics><ChildIdentifiers><LAchildID>H6</LAchildID></ChildIdentifiers>");
        odd = Once(odd, "<CINreferralDate>2025-05-01</CINreferralDate>", "<CINreferralDate>2025-05-01</CINreferralDate><CINreferralDate>2020-01-01</CINreferralDate><Extra><CINreferralDate>2021-01-01</CINreferralDate></Extra>");
        odd = Once(odd, "<AssessmentFactors>3B</AssessmentFactors>", "<AssessmentFactors> 3B </AssessmentFactors><!-- between --><Other>9Z</Other>");
        odd = Once(odd, "</FactorsIdentifiedAtAssessment>", "</FactorsIdentifiedAtAssessment><FactorsIdentifiedAtAssessment><AssessmentFactors>1A</AssessmentFactors></FactorsIdentifiedAtAssessment>");
        odd = Once(odd, "<ICPCnotRequired>0</ICPCnotRequired>", "<ICPCnotRequired>0</ICPCnotRequired><ICPCnotRequired>1</ICPCnotRequired>");
        odd = Once(odd, "<NumberOfPreviousCPP>1</NumberOfPreviousCPP>", "<NumberOfPreviousCPP><![CDATA[ 1]]></NumberOfPreviousCPP><NumberOfPreviousCPP>5</NumberOfPreviousCPP>");
        odd = Once(odd, "</Reviews>", "<CPPreviewDate>not a date</CPPreviewDate></Reviews><Reviews><CPPreviewDate>2026-01-01</CPPreviewDate></Reviews>");
        Assert.NotEqual(golden, odd);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(odd));
        var census = CinCensusXml.Read(stream);
        Assert.Equal([1, 2, 5], census.Children.Select(c => c.ChildId ?? 0));
        Assert.Equal(golden.Trim(), Xml(census).Trim());
    }

    [Fact]
    public void Read_MalformedAfterTheChildren_Throws()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Golden().Replace("</Message>", "</Messag>")));
        Assert.Throws<System.Xml.XmlException>(() => CinCensusXml.Read(stream));
    }

    [Fact]
    public void Schema_RuleExampleChild_Validates()
    {
        Assert.Empty(SchemaErrorsOf(new CinCensus(CinRuleTests.Header, [CinRuleTests.Child])));
    }

    private static IReadOnlyList<string> SchemaErrorsOf(CinCensus census)
    {
        using var stream = new MemoryStream();
        CinCensusXml.Write(census, stream);
        stream.Position = 0;
        return CinCensusXml.SchemaErrors(stream);
    }
}
