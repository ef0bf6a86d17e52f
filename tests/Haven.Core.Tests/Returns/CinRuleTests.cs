using Haven.Core.Returns;
using Haven.Core.Returns.Cin;
using Haven.Core.Returns.Cin.Rules;

namespace Haven.Core.Tests.Returns;

/// Each CIN rule with a hand-made failing example and a hand-made passing one (a near miss where
/// there is one), both built from one valid child in the 2025-26 census (year 2026).
public class CinRuleTests
{
    private static readonly DateOnly Y = new(2026, 3, 31);
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    // A valid UPN for LA 999 (check letter worked by the DfE algorithm: see UniquePupilNumberTests).
    internal const string ValidUpn = "C999000000001";

    internal static readonly CinHeader Header = new(2026, Y, "999", "Haven", "1", "001", new DateTime(2026, 4, 2, 9, 0, 0, DateTimeKind.Utc));

    /// Referred 1 May 2025; assessed 2 May – 10 June; CIN plan 11 June – 1 September; section 47 from
    /// 2 September with an ICPC on Monday 22 September that started a CP plan (neglect), reviewed 15 December; still open.
    internal static readonly CinEpisode Episode = new(
        ReferralId: 10, CINreferralDate: D("2025-05-01"), ReferralSource: "2A", PrimaryNeedCode: "N1",
        CINclosureDate: null, ReasonForClosure: null, DateOfInitialCPC: null,
        Assessments: [new CinAssessment(20, D("2025-05-02"), null, D("2025-06-10"), ["3B", "4B"])],
        CINPlanDates: [new CinPlanDates(30, D("2025-06-11"), D("2025-09-01"))],
        Section47s: [new CinSection47(40, D("2025-09-02"), D("2025-09-23"), D("2025-09-22"), false)],
        ReferralNFA: "0",
        ChildProtectionPlans: [new CinChildProtectionPlan(50, D("2025-09-22"), null, "NEG", "NEG", 0, [D("2025-12-15")])]);

    internal static readonly CinChild Child = new(1, "H1", ValidUpn, null, null, D("2015-06-01"), null, "F", null, "WBRI", ["NONE"], [Episode]);

    private static CinCensus Census(CinChild child) => new(Header, [child]);
    private static CinCensus C(Func<CinChild, CinChild> change) => Census(change(Child));
    private static CinCensus E(Func<CinEpisode, CinEpisode> change) => Census(Child with { Episodes = [change(Episode)] });
    private static CinCensus Two(Func<CinEpisode, CinEpisode> first, Func<CinEpisode, CinEpisode> second) =>
        Census(Child with { Episodes = [first(Episode), second(Episode)] });
    private static CinEpisode Closed(CinEpisode e, string date, string reason = "RC7") => e with { CINclosureDate = D(date), ReasonForClosure = reason };
    private static CinEpisode Nfa(CinEpisode e) => e with { ReferralNFA = "1", PrimaryNeedCode = null, Assessments = [], CINPlanDates = [], Section47s = [], ChildProtectionPlans = [] };
    private static CinEpisode Asmt(CinEpisode e, Func<CinAssessment, CinAssessment> change) => e with { Assessments = [change(Episode.Assessments[0])] };
    private static CinEpisode S47(CinEpisode e, Func<CinSection47, CinSection47> change) => e with { Section47s = [change(Episode.Section47s[0])] };
    private static CinEpisode Cpp(CinEpisode e, Func<CinChildProtectionPlan, CinChildProtectionPlan> change) => e with { ChildProtectionPlans = [change(Episode.ChildProtectionPlans[0])] };
    private static CinEpisode Plan(CinEpisode e, Func<CinPlanDates, CinPlanDates> change) => e with { CINPlanDates = [change(Episode.CINPlanDates[0])] };
    private static CinEpisode Earlier(CinEpisode e) => Nfa(e) with { ReferralId = 9, CINreferralDate = D("2025-04-02"), CINclosureDate = D("2025-04-03"), ReasonForClosure = "RC7" };

    /// rule code -> (a census that fails it, a census that passes it)
    public static readonly IReadOnlyDictionary<string, (CinCensus Fails, CinCensus Passes)> Cases = new Dictionary<string, (CinCensus, CinCensus)>
    {
        ["100"] = (new CinCensus(Header with { ReferenceDate = D("2026-03-30") }, [Child]), Census(Child)),
        ["8500"] = (C(c => c with { LAchildID = "" }), C(c => c with { LAchildID = "A" })),
        ["8510"] = (new CinCensus(Header, [Child, Child with { ChildId = 2 }]), new CinCensus(Header, [Child, Child with { ChildId = 2, LAchildID = "H2", Upn = null, UpnUnknown = "UN1" }])),
        ["1570"] = (C(c => c with { LAchildID = new string('A', 21) }), C(c => c with { LAchildID = new string('A', 20) })),
        ["1580"] = (C(c => c with { LAchildID = "H-1" }), C(c => c with { LAchildID = "H1X" })),
        ["1510"] = (C(c => c with { Upn = "A999000000001" }), Census(Child)),
        ["1520"] = (new CinCensus(Header, [Child, Child with { ChildId = 2, LAchildID = "H2" }]), new CinCensus(Header, [Child, Child with { ChildId = 2, LAchildID = "H2", Upn = null, UpnUnknown = "UN1" }])),
        ["1540"] = (C(c => c with { Upn = "C99900000X001" }), Census(Child)),
        ["1550"] = (C(c => c with { Upn = "C99900000000I" }), Census(Child)),
        ["8525Q"] = (C(c => c with { ExpectedPersonBirthDate = D("2015-06-01") }), C(c => c with { PersonBirthDate = null, ExpectedPersonBirthDate = D("2026-05-01"), Sex = "U" })),
        ["8520"] = (C(c => c with { PersonBirthDate = D("2026-04-01") }), C(c => c with { PersonBirthDate = Y })),
        ["8750"] = (C(c => c with { PersonBirthDate = null, ExpectedPersonBirthDate = D("2026-05-01"), Sex = "F" }), C(c => c with { PersonBirthDate = null, ExpectedPersonBirthDate = D("2026-05-01"), Sex = "U" })),
        ["4180"] = (C(c => c with { Sex = "X" }), C(c => c with { Sex = "U" })),
        ["4220"] = (C(c => c with { Ethnicity = "WXYZ" }), C(c => c with { Ethnicity = "NOBT" })),
        ["8540"] = (C(c => c with { Disabilities = ["WINGS"] }), C(c => c with { Disabilities = ["AUT", "HEAR"] })),
        ["8790"] = (C(c => c with { Disabilities = ["NONE", "AUT"] }), C(c => c with { Disabilities = ["NONE"] })),
        ["8794"] = (C(c => c with { Disabilities = ["AUT", "AUT"] }), C(c => c with { Disabilities = ["AUT"] })),
        ["8590"] = (C(c => c with { Episodes = [] }), Census(Child)),
        ["8600"] = (E(e => e with { CINreferralDate = null }), E(e => e with { CINreferralDate = D("2025-04-01") })),
        ["8606"] = (C(c => c with { PersonBirthDate = null, ExpectedPersonBirthDate = D("2026-02-06"), Sex = "U" }), C(c => c with { PersonBirthDate = null, ExpectedPersonBirthDate = D("2026-02-05"), Sex = "U" })),
        ["8866"] = (E(e => e with { ReferralSource = "11" }), E(e => e with { ReferralSource = "10" })),
        ["8610"] = (E(e => e with { PrimaryNeedCode = null }), Census(Child with { Episodes = [Nfa(Episode)] })),
        ["8650"] = (E(e => e with { PrimaryNeedCode = "N10" }), E(e => e with { PrimaryNeedCode = "N9" })),
        ["8620"] = (E(e => Closed(e, "2026-04-01")), E(e => Closed(e, "2026-03-31"))),
        ["8630"] = (Census(Child with { Episodes = [Closed(Nfa(Episode), "2025-04-30")] }), Census(Child with { Episodes = [Closed(Nfa(Episode), "2025-05-01")] })),
        ["8805"] = (E(e => e with { CINclosureDate = Y }), E(e => Closed(e, "2026-03-31"))),
        ["8810"] = (E(e => e with { ReasonForClosure = "RC7" }), Census(Child)),
        ["8640"] = (E(e => Closed(e, "2026-03-31", "RC10")), E(e => Closed(e, "2026-03-31", "RC1"))),
        ["8815"] = (Two(e => e with { ReferralId = 9, CINreferralDate = D("2025-04-02"), Assessments = [], CINPlanDates = [], Section47s = [], ChildProtectionPlans = [] }, e => e),
                    Two(e => Earlier(e) with { ReferralNFA = "1", CINclosureDate = null, ReasonForClosure = null }, e => e)),
        ["8816"] = (Two(e => e, e => Nfa(e) with { CINreferralDate = D("2026-01-05"), CINclosureDate = D("2026-01-06"), ReasonForClosure = "RC7" }), Two(Earlier, e => e)),
        ["8820"] = (Two(e => Nfa(e) with { ReferralNFA = "0", PrimaryNeedCode = "N1", CINreferralDate = D("2025-04-02"), CINclosureDate = D("2025-05-02"), ReasonForClosure = "RC7" }, e => e),
                    Two(e => Nfa(e) with { ReferralNFA = "0", PrimaryNeedCode = "N1", CINreferralDate = D("2025-04-02"), CINclosureDate = D("2025-05-01"), ReasonForClosure = "RC7" }, e => e)),
        ["8568"] = (E(e => e with { ReferralNFA = null }), E(e => e with { ReferralNFA = "false" })),
        ["8831"] = (E(e => e with { ReferralNFA = "1" }), Census(Child with { Episodes = [Nfa(Episode)] })),
        ["8565"] = (E(e => Closed(e, "2025-09-10")), E(e => Closed(Cpp(e, p => p with { CPPendDate = D("2026-03-01"), Reviews = [D("2025-12-15")] }), "2026-03-01"))),
        ["8867"] = (E(e => Closed(Asmt(e, a => a with { AssessmentAuthorisationDate = null, Factors = [] }), "2026-03-31")), E(e => Closed(e, "2026-03-31"))),
        ["8868"] = (E(e => Closed(S47(e, s => s with { DateOfInitialCPC = null }), "2026-03-31") with { ChildProtectionPlans = [] }),
                    E(e => Closed(S47(e, s => s with { DateOfInitialCPC = null, ICPCnotRequired = true }), "2026-03-31") with { ChildProtectionPlans = [] })),
        ["2990"] = (E(e => Closed(e, "2026-03-31", "RC8")), E(e => Closed(e with { CINPlanDates = [], Section47s = [], ChildProtectionPlans = [] }, "2025-06-10", "RC8"))),
        ["8825Q"] = (E(e => Closed(e with { Assessments = [], CINPlanDates = [], Section47s = [], ChildProtectionPlans = [] }, "2025-06-10", "RC9")),
                     E(e => Closed(e with { CINPlanDates = [], Section47s = [], ChildProtectionPlans = [] }, "2025-06-10", "RC9"))),
        ["1103"] = (E(e => Asmt(e, a => a with { AssessmentActualStartDate = D("2025-04-30") })), E(e => Asmt(e, a => a with { AssessmentActualStartDate = D("2025-05-01") }))),
        ["1104"] = (E(e => e with { DateOfInitialCPC = D("2025-04-30") }), E(e => e with { DateOfInitialCPC = D("2025-05-01") })),
        ["1105"] = (E(e => Cpp(e, p => p with { CPPstartDate = D("2025-04-30") })), Census(Child)),
        ["2889"] = (E(e => S47(e, s => s with { S47ActualStartDate = D("2025-04-30") })), E(e => S47(e, s => s with { S47ActualStartDate = D("2025-05-01") }))),
        ["4015"] = (E(e => Plan(e, p => p with { CINPlanStartDate = D("2025-04-30") })), E(e => Plan(e, p => p with { CINPlanStartDate = D("2025-05-01") }))),
        ["8608"] = (E(e => Asmt(e, a => a with { AssessmentAuthorisationDate = D("2025-05-01") })), E(e => Asmt(e, a => a with { AssessmentAuthorisationDate = D("2025-05-02") }))),
        ["8696"] = (E(e => Asmt(e, a => a with { AssessmentAuthorisationDate = D("2026-04-01") })), E(e => Asmt(e, a => a with { AssessmentAuthorisationDate = Y }))),
        ["8736"] = (Census(Child with { Episodes = [Episode with { CINreferralDate = D("2025-03-01"), Assessments = [new CinAssessment(20, D("2025-03-31"), null, null, [])] }] }),
                    Census(Child with { Episodes = [Episode with { CINreferralDate = D("2025-03-01"), Assessments = [new CinAssessment(20, D("2025-04-01"), null, null, [])] }] })),
        ["8896"] = (E(e => e with { Assessments = [new CinAssessment(20, D("2026-03-01"), null, null, []), new CinAssessment(21, D("2026-03-02"), null, null, [])] }),
                    E(e => e with { Assessments = [Episode.Assessments[0], new CinAssessment(21, D("2026-03-02"), null, null, [])] })),
        ["8614"] = (E(e => Asmt(e, a => a with { AssessmentAuthorisationDate = null, AssessmentActualStartDate = D("2026-03-20") })), E(e => Asmt(e, a => a with { AssessmentAuthorisationDate = null, AssessmentActualStartDate = D("2026-03-20"), Factors = [] }))),
        ["8897Q"] = (E(e => Asmt(e, a => a with { Factors = [] })), E(e => Asmt(e, a => a with { Factors = ["21"] }))),
        ["8869"] = (E(e => Asmt(e, a => a with { Factors = ["21", "3B"] })), E(e => Asmt(e, a => a with { Factors = ["21"] }))),
        ["8898"] = (E(e => Asmt(e, a => a with { Factors = ["3B", "3B"] })), E(e => Asmt(e, a => a with { Factors = ["3B", "3C"] }))),
        ["8945Q"] = (E(e => Asmt(e, a => a with { Factors = ["18A"] })), E(e => Asmt(e, a => a with { Factors = ["18B"] }))),
        ["8950Q"] = (E(e => Asmt(e, a => a with { Factors = ["19A"] })), E(e => Asmt(e, a => a with { Factors = ["19C"] }))),
        // 45 working days (9 weeks, no bank holiday between) from Tuesday 27 January 2026 is 31 March: not yet overdue at the year end.
        ["8670Q"] = (E(e => e with { Assessments = [new CinAssessment(20, D("2026-01-26"), null, null, [])] }), E(e => e with { Assessments = [new CinAssessment(20, D("2026-01-27"), null, null, [])] })),
        ["8615"] = (E(e => S47(e, s => s with { DateOfInitialCPC = D("2025-09-01") })), E(e => S47(e, s => s with { DateOfInitialCPC = D("2025-09-02") }))),
        ["8740"] = (Census(Child with { Episodes = [Episode with { CINreferralDate = D("2025-03-01"), Section47s = [new CinSection47(40, D("2025-03-31"), null, null, false)], ChildProtectionPlans = [] }] }),
                    Census(Child with { Episodes = [Episode with { CINreferralDate = D("2025-03-01"), Section47s = [new CinSection47(40, D("2025-03-31"), null, null, true)], ChildProtectionPlans = [] }] })),
        ["8875"] = (E(e => S47(e, s => s with { ICPCnotRequired = true })), Census(Child)),
        ["8870Q"] = (E(e => S47(e, s => s with { DateOfInitialCPC = D("2025-09-20") })), Census(Child)),
        // 15 working days back from 31 March 2026: 10 March is the last start that is not queried.
        ["8675Q"] = (E(e => e with { Section47s = [new CinSection47(40, D("2026-03-09"), null, null, false)], ChildProtectionPlans = [] }),
                     E(e => e with { Section47s = [new CinSection47(40, D("2026-03-10"), null, null, false)], ChildProtectionPlans = [] })),
        ["8839"] = (E(e => e with { Section47s = [new CinSection47(40, D("2026-03-20"), null, null, false), new CinSection47(41, D("2026-03-23"), null, null, false)], ChildProtectionPlans = [] }),
                    E(e => e with { Section47s = [new CinSection47(40, D("2026-03-20"), null, null, true), new CinSection47(41, D("2026-03-23"), null, null, false)], ChildProtectionPlans = [] })),
        ["2884"] = (E(e => e with { DateOfInitialCPC = D("2025-09-22") }), Census(Child)),
        ["2883"] = (E(e => S47(e, s => s with { DateOfInitialCPC = D("2025-09-23") })), Census(Child)),
        ["8720"] = (E(e => Cpp(e, p => p with { CPPstartDate = default })), Census(Child)),
        ["8925"] = (E(e => Cpp(e, p => p with { CPPendDate = D("2025-09-21"), Reviews = [] })), E(e => Cpp(e, p => p with { CPPendDate = D("2025-09-22"), Reviews = [] }))),
        ["8930"] = (E(e => Cpp(e, p => p with { CPPendDate = D("2026-04-01") })), E(e => Cpp(e, p => p with { CPPendDate = Y }))),
        ["8905"] = (E(e => Cpp(e, p => p with { InitialCategoryOfAbuse = "NEGLECT" })), E(e => Cpp(e, p => p with { InitialCategoryOfAbuse = "PHY" }))),
        ["8910"] = (E(e => Cpp(e, p => p with { LatestCategoryOfAbuse = "" })), E(e => Cpp(e, p => p with { LatestCategoryOfAbuse = "MUL" }))),
        ["8730"] = (E(e => Cpp(e, p => p with { NumberOfPreviousCPP = null })), E(e => Cpp(e, p => p with { NumberOfPreviousCPP = 2 }))),
        ["8841"] = (E(e => Cpp(e, p => p with { Reviews = [D("2025-09-22")] })), E(e => Cpp(e, p => p with { Reviews = [D("2025-09-23")] }))),
        ["8935"] = (E(e => e with { ChildProtectionPlans = [Episode.ChildProtectionPlans[0], Episode.ChildProtectionPlans[0] with { Id = 51, CPPstartDate = D("2025-10-01"), Reviews = [] }] }),
                    E(e => e with { ChildProtectionPlans = [Episode.ChildProtectionPlans[0] with { CPPendDate = D("2025-10-01"), Reviews = [] }, Episode.ChildProtectionPlans[0] with { Id = 51, CPPstartDate = D("2025-10-01"), Reviews = [] }] })),
        ["8940"] = (E(e => e with { ChildProtectionPlans = [Episode.ChildProtectionPlans[0] with { CPPendDate = D("2025-10-02"), Reviews = [] }, Episode.ChildProtectionPlans[0] with { Id = 51, CPPstartDate = D("2025-10-01"), Reviews = [] }] }),
                    E(e => e with { ChildProtectionPlans = [Episode.ChildProtectionPlans[0] with { CPPendDate = D("2025-10-01"), Reviews = [] }, Episode.ChildProtectionPlans[0] with { Id = 51, CPPstartDate = D("2025-10-01"), Reviews = [] }] })),
        ["8840"] = (E(e => e with { ChildProtectionPlans = [Episode.ChildProtectionPlans[0] with { CPPendDate = D("2025-09-22"), Reviews = [] }, Episode.ChildProtectionPlans[0] with { Id = 51, Reviews = [] }] }), Census(Child)),
        ["4003"] = (E(e => Plan(e, p => p with { CINPlanEndDate = D("2026-01-01") })), Census(Child)),
        ["4013"] = (E(e => Plan(e, p => p with { CINPlanStartDate = default })), Census(Child)),
        ["4017"] = (E(e => Plan(e, p => p with { CINPlanEndDate = D("2025-06-10") })), E(e => Plan(e, p => p with { CINPlanEndDate = D("2025-06-11") }))),
        ["4004"] = (Census(Child with { Episodes = [Episode with { CINreferralDate = D("2025-01-01"), CINPlanDates = [new CinPlanDates(30, D("2025-02-01"), D("2025-03-31"))] }] }),
                    Census(Child with { Episodes = [Episode with { CINreferralDate = D("2025-01-01"), CINPlanDates = [new CinPlanDates(30, D("2025-02-01"), D("2025-04-01"))] }] })),
        ["4016"] = (E(e => e with { ChildProtectionPlans = [], CINPlanDates = [new CinPlanDates(30, D("2025-06-11"), null), new CinPlanDates(31, D("2025-07-01"), null)] }),
                    E(e => e with { ChildProtectionPlans = [], CINPlanDates = [new CinPlanDates(30, D("2025-06-11"), D("2025-07-01")), new CinPlanDates(31, D("2025-07-01"), null)] })),
        ["4010"] = (E(e => e with { ChildProtectionPlans = [], CINPlanDates = [new CinPlanDates(30, D("2025-06-11"), D("2025-07-02")), new CinPlanDates(31, D("2025-07-01"), null)] }),
                    E(e => e with { ChildProtectionPlans = [], CINPlanDates = [new CinPlanDates(30, D("2025-06-11"), D("2025-07-01")), new CinPlanDates(31, D("2025-07-01"), null)] })),
        ["4001"] = (E(e => Plan(e, p => p with { CINPlanEndDate = D("2025-09-23") })), E(e => Plan(e, p => p with { CINPlanEndDate = D("2025-09-22") }))),
        ["8915"] = (C(c => c with { PersonDeathDate = D("2025-04-30") }), C(c => c with { PersonDeathDate = D("2025-05-01"), Episodes = [Closed(Nfa(Episode), "2025-05-01", "RC2")] })),
        ["8920"] = (C(c => c with { PersonDeathDate = D("2025-05-01") }), C(c => c with { PersonDeathDate = Y })),
        ["4008"] = (C(c => c with { PersonDeathDate = D("2025-06-10") }), C(c => c with { PersonDeathDate = D("2025-06-11"), Episodes = [Closed(Episode with { Section47s = [], ChildProtectionPlans = [], CINPlanDates = [new CinPlanDates(30, D("2025-06-11"), D("2025-06-11"))] }, "2025-06-11", "RC2")] })),
    };

    public static TheoryData<string> RuleCodes() => new(CinRules.All.Select(r => r.Code));

    private static IEnumerable<ReturnFailure> Run(string code, CinCensus census) => CinRules.All.Single(r => r.Code == code).Check(census);

    [Fact]
    public void ValidChild_AllRules_NoFailures()
    {
        Assert.Empty(CinRules.Check(Census(Child)));
    }

    [Theory]
    [MemberData(nameof(RuleCodes))]
    public void Rule_FailingExample_Fails(string code)
    {
        Assert.True(Cases.ContainsKey(code), $"Rule {code} has no hand-made examples");
        var failures = Run(code, Cases[code].Fails).ToList();
        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.Equal(code, f.RuleCode));
        Assert.All(failures, f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));
    }

    [Theory]
    [MemberData(nameof(RuleCodes))]
    public void Rule_PassingExample_Passes(string code)
    {
        Assert.True(Cases.ContainsKey(code), $"Rule {code} has no hand-made examples");
        Assert.Empty(Run(code, Cases[code].Passes));
    }

    [Fact]
    public void Rules_Codes_AreDistinct()
    {
        Assert.Equal(CinRules.All.Count, CinRules.All.Select(r => r.Code).Distinct().Count());
    }
}
