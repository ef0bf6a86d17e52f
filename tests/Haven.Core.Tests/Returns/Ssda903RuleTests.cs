using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Returns;
using Haven.Core.Returns.Ssda903;
using Haven.Core.Returns.Ssda903.Rules;

namespace Haven.Core.Tests.Returns;

/// Each 903 rule against a small hand-made return that is right in every respect (passes every rule),
/// and against the same return with the one fact that rule is about made wrong (fails that rule).
public sealed class Ssda903RuleTests
{
    private static readonly DateOnly Start = new(2025, 4, 1);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// Child 1: in care since January 2024, moved from foster care to a children's home in June 2025,
    /// a review, a missing spell and OC2. Child 2: a care leaver who turned 18 in June 2025 (OC3).
    /// Child 3: placed for adoption, adopted in October 2025 (AD1, PlacedAdoption).
    public static Ssda903Data Valid() => new(
        ReturnPeriod.CollectionYear(2026),
        [
            new("1", "F", D(2010, 5, 1), "WBRI", "A12345678901Z", "0", null),
            new("2", "M", D(2007, 6, 15), "WIRI", "UN3", null, null),
            new("3", "M", D(2022, 2, 1), "WBRI", "UN1", null, null),
        ],
        [
            new("1", D(2024, 1, 10), "S", "C2", "N1", "U4", "PR1", D(2025, 6, 1), "X1", "CARPL", "AB1 2CD", "AB3 4EF", "SC111111"),
            new("1", D(2025, 6, 1), "P", "C2", "N1", "K2", "PR4", null, null, null, "AB1 2CD", "AB5 6GH", "SC222222"),
            new("3", D(2024, 9, 1), "S", "E1", "N1", "A5", "PR1", D(2025, 10, 1), "E11", null, "AB7 8IJ", "AB9 1KL", "SC333333"),
        ],
        [],
        [new("1", D(2010, 5, 1), D(2025, 7, 1), "PN1")],
        [new("1", D(2010, 5, 1), "M", D(2025, 8, 1), D(2025, 8, 2))],
        [new("1", D(2010, 5, 1), 12, null, false, null, true, true, true, false, null, null)],
        [new("2", D(2007, 6, 15), "YES", "F2", "U1")],
        [new("3", D(2022, 2, 1), D(2024, 10, 1), D(2025, 3, 1), "0", "2", "MF", "L11")],
        [new("3", D(2022, 2, 1), D(2024, 10, 1), null, null)]) { Previous = LastYear(), SwEpisodes = ValidSw, DoLo = ValidDoLo };

    /// Child 1's social worker changed on 1 July 2025 (the first has an SWE number, the second a
    /// placeholder); child 3's worker held the case until the adoption.
    private static readonly Ssda903SwEpisode[] ValidSw =
    [
        new("1", D(2010, 5, 1), "SW12345", D(2025, 4, 1), D(2025, 6, 30), "TSPROC"),
        new("1", D(2010, 5, 1), "XX42", D(2025, 7, 1), null, "LEFTRL"),
        new("3", D(2022, 2, 1), "SW777", D(2025, 4, 1), D(2025, 10, 1), "MANAGE"),
    ];

    /// Child 1's deprivation of liberty orders while in the children's home (K2, from 1 June 2025): one
    /// from the day of the move to 31 August, the next from 1 September, still in force at 31 March.
    private static readonly Ssda903DoLo[] ValidDoLo =
    [
        new("1", D(2010, 5, 1), D(2025, 6, 1), D(2025, 8, 31)),
        new("1", D(2010, 5, 1), D(2025, 9, 1), null),
    ];

    private static Ssda903Data DoLo(Ssda903Data d, int index, Func<Ssda903DoLo, Ssda903DoLo> change) =>
        d with { DoLo = d.DoLo.Select((e, i) => i == index ? change(e) : e).ToList() };

    private static Ssda903Data Sw(Ssda903Data d, int index, Func<Ssda903SwEpisode, Ssda903SwEpisode> change) =>
        d with { SwEpisodes = d.SwEpisodes.Select((e, i) => i == index ? change(e) : e).ToList() };

    /// Last year's return (2024-25) as it ended: child 1's foster placement and child 3's placement for
    /// adoption were open on 31 March 2025.
    public static Ssda903Data LastYear() => new(
        ReturnPeriod.CollectionYear(2025),
        [new("1", "F", D(2010, 5, 1), "WBRI", "A12345678901Z", null, null), new("3", "M", D(2022, 2, 1), "WBRI", "UN1", null, null)],
        [
            new("1", D(2024, 1, 10), "S", "C2", "N1", "U4", "PR1", null, null, null, "AB1 2CD", "AB3 4EF", "SC111111"),
            new("3", D(2024, 9, 1), "S", "E1", "N1", "A5", "PR1", null, null, null, "AB7 8IJ", "AB9 1KL", "SC333333"),
        ],
        [], [], [], [], [], [], [new("3", D(2022, 2, 1), D(2024, 10, 1), null, null)]);

    private static Ssda903Data Episode(Ssda903Data d, int index, Func<Ssda903Episode, Ssda903Episode> change) =>
        d with { Episodes = d.Episodes.Select((e, i) => i == index ? change(e) : e).ToList() };

    private static Ssda903Data Header(Ssda903Data d, int index, Func<Ssda903Header, Ssda903Header> change) =>
        d with { Header = d.Header.Select((e, i) => i == index ? change(e) : e).ToList() };

    private static Ssda903Data Oc2(Ssda903Data d, Func<Ssda903Oc2, Ssda903Oc2> change) => d with { Oc2 = d.Oc2.Select(change).ToList() };
    private static Ssda903Data Ad1(Ssda903Data d, Func<Ssda903Ad1, Ssda903Ad1> change) => d with { Ad1 = d.Ad1.Select(change).ToList() };
    private static Ssda903Data Oc3(Ssda903Data d, Func<Ssda903Oc3, Ssda903Oc3> change) => d with { Oc3 = d.Oc3.Select(change).ToList() };

    /// One hand-made breach for each rule: the rule code and the return with that one fact wrong.
    // Declared before Breaches, whose initialiser refers to it.
    private static readonly Ssda903Episode StartedInTheYear = new("4", D(2025, 9, 1), "S", "V2", "N1", "U6", "PR1", null, null, null, "AB1 2CD", "AB1 1AA", "XXXXXXX");

    private static readonly Dictionary<string, Func<Ssda903Data, Ssda903Data>> Breaches = new()
    {
        ["101"] = d => Header(d, 0, h => h with { Sex = "1" }),
        ["DOLO-FIELDS"] = d => DoLo(d, 1, o => o with { DoloStart = null }),
        ["DOLO-DATES"] = d => DoLo(d, 0, o => o with { DoloEnd = D(2025, 5, 1) }),
        ["DOLO-YEAR"] = d => DoLo(d, 1, o => o with { DoloStart = D(2026, 4, 2) }),
        // Child 2 is a care leaver, not looked after in the year.
        ["DOLO-IN-CARE"] = d => d with { DoLo = [.. d.DoLo, new("2", D(2007, 6, 15), D(2025, 6, 1), null)] },
        // In May child 1 was still in foster care (U4).
        ["DOLO-PLACEMENT"] = d => DoLo(d, 0, o => o with { DoloStart = D(2025, 5, 1) }),
        ["DOLO-OVERLAP"] = d => DoLo(d, 1, o => o with { DoloStart = D(2025, 8, 1) }),
        ["SW-FIELDS"] = d => Sw(d, 0, s => s with { SwDecom = null }),
        ["SW-REASON"] = d => Sw(d, 1, s => s with { SwReason = null }),
        ["SW-ID"] = d => Sw(d, 2, s => s with { SwId = "12345" }),
        ["SW-DATES"] = d => Sw(d, 2, s => s with { SwDec = D(2025, 3, 31) }),
        ["SW-OVERLAP"] = d => Sw(d, 1, s => s with { SwDecom = D(2025, 6, 1) }),
        // Child 1 (in care all year) has no social worker in July.
        ["SW-GAP"] = d => Sw(d, 1, s => s with { SwDecom = D(2025, 8, 1) }),
        // Child 3 (in care since 2024) has no social worker episode for April.
        ["SW-ALL"] = d => Sw(d, 2, s => s with { SwDecom = D(2025, 5, 1) }),
        // Child 1 is looked after at 31 March, but the worker's episode is closed that day.
        ["SW-OPEN"] = d => Sw(d, 1, s => s with { SwDec = D(2026, 3, 31) }),
        ["103"] = d => Header(d, 0, h => h with { Ethnic = "XXXX" }),
        ["131"] = d => Oc3(d, o => o with { InTouch = "MAYBE" }),
        ["132"] = d => Oc3(d, o => o with { Activ = "Z9" }),
        ["133"] = d => Oc3(d, o => o with { Accom = "S1" }),
        ["142"] = d => Episode(d, 0, e => e with { Dec = null, Rec = null, ReasonPlaceChange = null }),
        ["143"] = d => Episode(d, 1, e => e with { Rne = "Q" }),
        ["144"] = d => Episode(d, 1, e => e with { Ls = "C9" }),
        ["145"] = d => Episode(d, 0, e => e with { Cin = "N9" }),
        ["146"] = d => Episode(d, 1, e => e with { Place = "H5" }),
        ["148"] = d => Episode(d, 2, e => e with { Rec = null }),
        ["149"] = d => Episode(d, 2, e => e with { Rec = "E99" }),
        ["167"] = d => d with { Reviews = [d.Reviews[0] with { ReviewCode = "PN9" }] },
        ["168"] = d => Header(d, 0, h => h with { Upn = "123" }),
        ["178"] = d => Episode(d, 1, e => e with { PlaceProvider = "PR9" }),
        ["185"] = d => d with { Oc2 = [.. d.Oc2, new("3", D(2022, 2, 1), 5, null, null, null, null, null, null, null, null, null)] },
        ["188"] = d => Header(d, 2, h => h with { Dob = D(2023, 1, 1) }) with { Oc2 = [.. d.Oc2, new("3", D(2023, 1, 1), null, "SDQ1", null, null, null, null, null, null, null, null)] },
        ["190"] = d => d with { Oc2 = [] },
        ["186"] = d => Oc2(d, o => o with { SdqScore = null }),
        // Child 1 made 17 before the year began: no SDQ is reported for her.
        ["189"] = d => Header(d, 0, h => h with { Dob = D(2008, 1, 1) }),
        ["191"] = d => Oc2(d, o => o with { SubstanceMisuse = null }),
        ["192"] = d => Oc2(d, o => o with { SubstanceMisuse = true }),
        ["193"] = d => Oc2(d, o => o with { InterventionReceived = false, InterventionOffered = true }),
        ["158"] = d => Oc2(d, o => o with { SubstanceMisuse = true, InterventionReceived = true, InterventionOffered = false }),
        ["159"] = d => Oc2(d, o => o with { SubstanceMisuse = true, InterventionReceived = false }),
        ["543"] = d => Oc2(d, o => o with { Convicted = null }),
        // Child 3 (4 at 31 March) in OC2 without a health surveillance answer.
        ["546"] = d => d with { Oc2 = [.. d.Oc2, new("3", D(2022, 2, 1), null, null, null, null, true, true, true, false, null, null)] },
        ["AD1-FIELDS"] = d => Ad1(d, a => a with { SexAdoptr = null }),
        ["AD1-CODES"] = d => Ad1(d, a => a with { LsAdoptr = "L9" }),
        ["AD1-ADOPTERS"] = d => Ad1(d, a => a with { NbAdoptr = "1" }),
        ["213"] = d => Episode(d, 1, e => e with { Place = "T1", PlaceProvider = "PR4", Urn = null }),
        ["218"] = d => Episode(d, 1, e => e with { Urn = null }),
        ["222"] = d => Episode(d, 1, e => e with { Place = "P1", PlaceProvider = "PR0" }),
        ["226"] = d => Episode(d, 0, e => e with { Place = "T3", PlaceProvider = null, Urn = null }),
        ["233"] = d => Episode(d, 1, e => e with { ReasonPlaceChange = "CARPL" }),
        ["234"] = d => Header(d, 0, h => h with { Dob = D(2016, 1, 1) }) is var x ? Episode(x, 0, e => e with { ReasonPlaceChange = "CUSTOD" }) : d,
        ["302"] = d => Header(d, 2, h => h with { Dob = D(2024, 9, 2) }),
        ["344"] = d => Oc3(d, o => o with { InTouch = "NO" }),
        ["345"] = d => Oc3(d, o => o with { Activ = "0" }),
        ["352"] = d => Header(d, 0, h => h with { Dob = D(2005, 1, 1) }),
        ["354"] = d => Episode(d, 2, e => e with { Dec = D(2026, 4, 2) }),
        ["356"] = d => Episode(d, 2, e => e with { Dec = D(2024, 8, 1) }),
        ["357"] = d => d with { Episodes = [.. d.Episodes, new("4", D(2025, 9, 1), "P", "C2", "N1", "U4", "PR1", null, null, null, null, "AB1 1AA", "SC1")] },
        ["358"] = d => Episode(d, 2, e => e with { Ls = "J2" }),
        ["372"] = d => Episode(d, 2, e => e with { Place = "R5" }),
        ["373"] = d => Episode(d, 2, e => e with { Place = "S1" }),
        ["374"] = d => Episode(d, 2, e => e with { Place = "P3", Urn = null }),
        ["378"] = d => Episode(d, 1, e => e with { Ls = "V2", Place = "P1", PlaceProvider = "PR0", Urn = null }),
        ["385"] = d => d with { Episodes = [.. d.Episodes, new("3", D(2026, 4, 5), "S", "E1", "N1", "U4", "PR1", null, null, null, null, "AB1 1AA", "SC1")] },
        ["388"] = d => Episode(d, 2, e => e with { Rec = "X1" }),
        ["431"] = d => Episode(d, 1, e => e with { Rne = "S" }) is var x ? Episode(x, 0, e => e with { Rec = "E13", ReasonPlaceChange = null }) : d,
        ["432"] = d => Episode(d, 0, e => e with { Rec = "E13", ReasonPlaceChange = null }),
        ["433"] = d => Episode(d, 1, e => e with { Decom = D(2025, 6, 3) }),
        ["501"] = d => Episode(d, 1, e => e with { Decom = D(2025, 5, 1) }),
        ["504"] = d => Episode(d, 1, e => e with { Cin = "N2" }),
        ["526"] = d => Episode(d, 1, e => e with { PlaceProvider = null }),
        ["542"] = d => d with { Oc2 = [.. d.Oc2, new("3", D(2022, 2, 1), null, null, false, null, null, null, null, null, null, null)] },
        ["545"] = d => Oc2(d, o => o with { HealthCheck = true }),
        ["566"] = d => d with { Missing = [d.Missing[0] with { MisEnd = D(2025, 7, 30) }] },
        ["601"] = d => d with { Ad1 = [] },
        ["602"] = d => Episode(d, 2, e => e with { Rec = "E13" }),
        ["1009"] = d => Episode(d, 0, e => e with { ReasonPlaceChange = "BORED" }),
        // Durations, short breaks and temporary placements.
        ["355"] = d => Episode(d, 2, e => e with { Dec = D(2024, 9, 1) }),
        ["361"] = d => Episode(d, 1, e => e with { Ls = "L1" }),
        ["362"] = d => Episode(d, 1, e => e with { Ls = "L2" }),
        ["363"] = d => Episode(d, 1, e => e with { Ls = "L3" }),
        ["364"] = d => Episode(d, 1, e => e with { Ls = "J2" }),
        ["365"] = d => Episode(d, 2, e => e with { Ls = "V3" }),
        ["366"] = d => Episode(d, 1, e => e with { Ls = "V3" }),
        ["367"] = d => Episode(d, 1, e => e with { Ls = "V3" }),
        ["426"] = d => Episode(Episode(d, 0, e => e with { Ls = "V3" }), 1, e => e with { Ls = "V4" }),
        ["375"] = d => Episode(d, 1, e => e with { Place = "T1", PlaceProvider = null, Urn = null }),
        ["376"] = d => Episode(d, 1, e => e with { Place = "T3", PlaceProvider = null, Urn = null }),
        ["379"] = d => Episode(d, 1, e => e with { Place = "T4", PlaceProvider = null, Urn = null }),
        ["377"] = d => d with { Episodes = [.. d.Episodes, .. new[] { 5, 7, 9 }.Select(m =>
            new Ssda903Episode("1", D(2025, m, 1), "P", "C2", "N1", "T3", null, D(2025, m, 3), "X1", null, "AB1 2CD", "AB1 1AA", null))] },
        ["380"] = d => Episode(d, 2, e => e with { Place = "T1", PlaceProvider = null, Urn = null }),
        ["381"] = d => Episode(d, 2, e => e with { Place = "T1", PlaceProvider = null, Urn = null }),
        ["383"] = d => d with { Episodes = [d.Episodes[0],
            new("1", D(2025, 6, 1), "P", "C2", "N1", "T3", null, D(2025, 6, 10), "X1", null, "AB1 2CD", "AB1 1AA", null),
            d.Episodes[1] with { Decom = D(2025, 6, 10) }, d.Episodes[2]] },
        ["225"] = d => Episode(d, 0, e => e with { ReasonPlaceChange = null }),
        // Providers and placements for adoption.
        ["527"] = d => Episode(d, 1, e => e with { Place = "R2", PlaceProvider = "PR1", Urn = null }),
        ["528"] = d => Episode(d, 1, e => e with { Place = "R2", PlaceProvider = "PR2", Urn = null }),
        ["529"] = d => Episode(d, 1, e => e with { PlaceProvider = "PR3" }),
        ["530"] = d => Episode(d, 1, e => e with { Place = "P1", PlaceProvider = "PR4", Urn = null }),
        ["531"] = d => Episode(d, 1, e => e with { Place = "P1", PlaceProvider = "PR5", Urn = null }),
        ["550"] = d => Episode(d, 1, e => e with { PlaceProvider = "PR0" }),
        ["408"] = d => Episode(d, 2, e => e with { Ls = "C2" }),
        ["217"] = d => Episode(d, 2, e => e with { Rne = "P" }),
        ["336"] = d => Episode(Episode(d, 0, e => e with { Place = "K2" }), 1, e => e with { Place = "A3" }),
        ["390"] = d => Episode(d, 2, e => e with { Place = "U4" }),
        // Adoption decisions.
        ["551"] = d => d with { PlacedAdoption = [] },
        ["333"] = d => d with { Ad1 = [d.Ad1[0] with { DateMatch = D(2024, 9, 30) }] },
        ["522"] = d => d with { PlacedAdoption = [d.PlacedAdoption[0] with { DatePlacedCeased = D(2024, 9, 30), ReasonPlacedCeased = "RD1" }] },
        ["1003"] = d => d with { PlacedAdoption = [d.PlacedAdoption[0] with { DatePlaced = D(2024, 8, 1) }] },
        // Previous permanence.
        ["630"] = d => d with { Episodes = [.. d.Episodes, StartedInTheYear] },
        ["634"] = d => d with { PrevPerm = [new("1", D(2010, 5, 1), "Z1", null, null)] },
        ["635"] = d => d with { PrevPerm = [new("3", D(2022, 2, 1), "Z1", "202", null)] },
        // Year on year.
        ["202"] = d => Header(d, 0, h => h with { Sex = "M" }),
        ["203"] = d => Header(d, 0, h => h with { Dob = D(2010, 5, 2) }),
        ["204"] = d => Header(d, 0, h => h with { Ethnic = "WIRI" }),
        ["208"] = d => Header(d, 0, h => h with { Upn = "B12345678901Z" }),
        ["502"] = d => Episode(d, 0, e => e with { Decom = D(2024, 1, 11) }),
        ["503A"] = d => Episode(d, 0, e => e with { Rne = "P" }),
        ["503B"] = d => Episode(d, 0, e => e with { Ls = "C1" }),
        ["503C"] = d => Episode(d, 0, e => e with { Cin = "N2" }),
        ["503D"] = d => Episode(d, 0, e => e with { Place = "U6" }),
        ["503E"] = d => Episode(d, 0, e => e with { PlaceProvider = "PR2" }),
        ["503F"] = d => Episode(d, 0, e => e with { Urn = "SC999999" }),
        // MOTHER / MC_DOB: child 1 is a girl of 15 in care; child 3 made a girl of 13 who was adopted in the year.
        ["393"] = d => Header(d, 0, h => h with { Mother = null }),
        ["607"] = d => Header(d, 2, h => h with { Sex = "F", Dob = D(2012, 1, 1) }),
        ["611"] = d => Header(d, 0, h => h with { Mother = "1" }),
        ["612"] = d => Header(d, 0, h => h with { MotherChildDob = D(2025, 9, 1) }),
        ["620"] = d => Header(d, 0, h => h with { Mother = "1", MotherChildDob = D(2020, 1, 1) }),
        ["621"] = d => Header(d, 0, h => h with { Mother = "1", MotherChildDob = D(2009, 1, 1) }),
    };

    [Fact]
    public void MotherRules_GirlWhoIsAMotherWithHerChildsDateOfBirth_Pass()
    {
        // Child 1, born 1 May 2010, had her first child on 1 September 2025, at 15; a 12-year-old
        // girl who left care in the year recorded as not a mother (0).
        var d = Header(Header(Valid(), 0, h => h with { Mother = "1", MotherChildDob = D(2025, 9, 1) }), 2, h => h with { Sex = "F", Dob = D(2013, 1, 1), Mother = "0" });
        Assert.Empty(new Ssda903Rule[] { new Rule393(), new Rule607(), new Rule611(), new Rule612(), new Rule620(), new Rule621() }.SelectMany(r => r.Check(d)));
    }

    [Theory]
    [InlineData(true, true, null)]
    [InlineData(true, false, true)]
    [InlineData(true, false, false)]
    [InlineData(false, null, null)]
    public void SubstanceMisuseRules_FollowUpsAnsweredAsTheyShouldBe_Pass(bool misuse, bool? received, bool? offered)
    {
        var d = Oc2(Valid(), o => o with { SubstanceMisuse = misuse, InterventionReceived = received, InterventionOffered = offered });
        Assert.Empty(new Ssda903Rule[] { new Rule191(), new Rule192(), new Rule193(), new Rule158(), new Rule159() }.SelectMany(r => r.Check(d)));
    }

    [Fact]
    public void Oc2AgeRules_ConvictionFrom10AndHealthCheckUnder5_Pass()
    {
        // Child 3 (4 at 31 March): health surveillance given, no conviction item; child 1 (15): conviction 1, no health check.
        var d = Oc2(Valid(), o => o with { Convicted = true }) with
        {
            Oc2 = [.. Oc2(Valid(), o => o with { Convicted = true }).Oc2, new("3", D(2022, 2, 1), null, null, null, false, true, true, true, false, null, null)],
        };
        Assert.Empty(new Ssda903Rule[] { new Rule542(), new Rule543(), new Rule545(), new Rule546(), new Rule186(), new Rule188() }.SelectMany(r => r.Check(d)));
    }

    [Theory]
    [InlineData("1", "F1", "L0", null)]
    [InlineData("1", "M1", "L0", null)]
    [InlineData("2", "MF", "L11", null)]
    [InlineData("2", "MF", "L3", null)]
    [InlineData("2", "FF", "L12", null)]
    [InlineData("2", "MM", "L4", null)]
    [InlineData("2", "MM", "L2", null)]
    [InlineData("2", "MF", "L2", null)]
    [InlineData("1", "MF", "L11", "AdopterSexCode")]
    [InlineData("1", "F1", "L2", "AdopterSexCode")]
    [InlineData("2", "F1", "L0", "AdopterSexCode")]
    [InlineData("2", "FF", "L11", "AdopterSexCode")]
    [InlineData("2", "MF", "L4", "AdopterSexCode")]
    [InlineData("2", "MF", "L0", "AdopterSexCode")]
    [InlineData("3", "MF", "L11", "AdopterNumberCode")]
    [InlineData("2", "XY", "L11", "AdopterSexCode")]
    [InlineData("2", "MF", "L9", "AdopterLegalStatusCode")]
    public void AdopterRules_Validate_NumberSexAndLegalStatusAgree(string number, string sex, string legal, string? wrongField)
    {
        var errors = Haven.Core.Permanence.AdopterRules.Validate("0", number, sex, legal);
        if (wrongField is null) Assert.Empty(errors);
        else Assert.Equal([wrongField], errors.Keys);
    }

    /// Child 4 starts to be looked after in September 2025 (so needs a PrevPerm row).

    [Theory]
    [InlineData("Z1", null, null)]
    [InlineData("P2", "202", "ZZ/06/2019")]
    [InlineData("P1", "999", "14/03/2019")]
    public void PrevPermRules_ChildStartingCareWithAPrevPermRow_Pass(string code, string? la, string? date)
    {
        var d = Valid() with { Episodes = [.. Valid().Episodes, StartedInTheYear], PrevPerm = [new("4", D(2012, 1, 1), code, la, date)] };
        Assert.Empty(new Ssda903Rule[] { new Rule630(), new Rule634(), new Rule635() }.SelectMany(r => r.Check(d)));
    }

    [Theory]
    [InlineData("Z1", null, null, null)]
    [InlineData("P2", "202", "ZZ/06/2019", null)]
    [InlineData("P3", "NIR", "01/ZZ/2020", null)]
    [InlineData("P9", null, null, PreviousPermanenceOptions.CodeField)]
    [InlineData("Z1", "202", null, PreviousPermanenceOptions.LaField)]
    [InlineData("Z1", null, "01/01/2020", PreviousPermanenceOptions.DateField)]
    [InlineData("P2", null, "01/01/2020", PreviousPermanenceOptions.LaField)]
    [InlineData("P2", "20", "01/01/2020", PreviousPermanenceOptions.LaField)]
    [InlineData("P2", "202", null, PreviousPermanenceOptions.DateField)]
    [InlineData("P2", "202", "31/02/2020", PreviousPermanenceOptions.DateField)]
    [InlineData("P2", "202", "01/01/2026", PreviousPermanenceOptions.DateField)]
    public void PreviousPermanenceOptions_Validate_ChecksTheRulesAtEntry(string code, string? la, string? date, string? wrongField)
    {
        var errors = new PreviousPermanenceOptions(code, la, date).Validate(D(2025, 9, 1));
        if (wrongField is null) Assert.Empty(errors);
        else Assert.Equal([wrongField], errors.Keys);
    }

    public static TheoryData<string> RuleCodes() => new(Ssda903Rules.All.Select(r => r.Code));

    [Fact]
    public void Rules_EveryRule_HasABreachExampleAndAMessage()
    {
        Assert.Empty(Ssda903Rules.All.Select(r => r.Code).Except(Breaches.Keys));
        Assert.All(Ssda903Rules.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
        Assert.Equal(Ssda903Rules.All.Count, Ssda903Rules.All.Select(r => r.Code).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(RuleCodes))]
    public void Check_ValidReturn_Passes(string code)
    {
        var rule = Ssda903Rules.All.Single(r => r.Code == code);
        Assert.Empty(rule.Check(Valid()));
    }

    [Theory]
    [MemberData(nameof(RuleCodes))]
    public void Check_ReturnWithTheBreach_FailsWithTheRuleCodeAndAFixPath(string code)
    {
        var rule = Ssda903Rules.All.Single(r => r.Code == code);
        var failures = rule.Check(Breaches[code](Valid())).ToList();
        Assert.NotEmpty(failures);
        Assert.All(failures, f =>
        {
            Assert.Equal(code, f.RuleCode);
            Assert.Equal(StatutoryReturn.Ssda903, f.Return);
            Assert.Equal(rule.Message, f.Message);
            Assert.StartsWith($"/children/{f.ChildReference}/", f.FixPath);
        });
    }

    [Fact]
    public void Run_ValidReturn_HasNoFailures() => Assert.Empty(Ssda903Rules.Run(Valid()));

    [Fact]
    public void Run_NoPreviousYear_YearOnYearRulesFindNothing() =>
        Assert.DoesNotContain(Ssda903Rules.Run(Valid() with { Header = [.. Valid().Header.Select(h => h with { Sex = "M", Upn = "UN2" })], Previous = null }),
            f => f.RuleCode is "202" or "208");

    [Theory]
    [InlineData("UN1", "UN3", true)]
    [InlineData("UN4", "A12345678901Z", true)]
    [InlineData(null, "UN1", true)]
    [InlineData("UN3", "UN4", false)]
    [InlineData("A12345678901Z", "UN1", false)]
    public void Rule208_Agrees_AllowsAnUnknownUpnToBecomeKnown(string? before, string? now, bool passes)
    {
        var d = Valid() with { Header = [Valid().Header[0] with { Upn = now }], Previous = LastYear() with { Header = [LastYear().Header[0] with { Upn = before }] } };
        Assert.Equal(passes, !new Rule208().Check(d).Any());
    }

    [Fact]
    public void Rule503D_PlacementCodeReplacedAcrossTheYearBoundary_Passes()
    {
        var d = Valid() with { Previous = LastYear() with { Episodes = [LastYear().Episodes[0] with { Place = "Z1", PlaceProvider = null }, LastYear().Episodes[1]] } };
        Assert.Empty(new Rule503D().Check(Episode(d, 0, e => e with { Place = "Z12" })));
    }

    [Fact]
    public void SwEpisodeRules_GapWhileOutOfCare_Pass_ButTheSameGapInCareFails()
    {
        // Child 4 left care on 30 June (home, E13) and came back on 1 August: no social worker episode for
        // July is needed. Kept in care through July, the same episodes leave a gap.
        var valid = Valid();
        var d = valid with
        {
            Header = [.. valid.Header, new("4", "M", D(2012, 1, 1), "WBRI", "UN1", null, null)],
            Episodes =
            [
                .. valid.Episodes,
                new("4", D(2025, 2, 1), "S", "V2", "N1", "U4", "PR1", D(2025, 6, 30), "E13", null, "AB1 2CD", "AB3 4EF", "SC111111"),
                new("4", D(2025, 8, 1), "S", "V2", "N1", "U4", "PR1", null, null, null, "AB1 2CD", "AB3 4EF", "SC111111"),
            ],
            SwEpisodes =
            [
                .. valid.SwEpisodes,
                new("4", D(2012, 1, 1), "SW1", D(2025, 4, 1), D(2025, 6, 30), "TSPROC"),
                new("4", D(2012, 1, 1), "SW2", D(2025, 8, 1), null, "MANAGE"),
            ],
        };
        // Made before d is checked: a `with` copy would share d's episodes-by-child once computed.
        var stayed = d with { Episodes = [.. d.Episodes.Select(e => e.Child == "4" && e.Dec == D(2025, 6, 30) ? e with { Dec = D(2025, 8, 1), Rec = "X1" } : e)] };
        var rules = new Ssda903Rule[] { new RuleSwGap(), new RuleSwAllReported(), new RuleSwOneOpen() };
        Assert.Empty(rules.SelectMany(r => r.Check(d)));
        Assert.Equal(["SW-GAP"], rules.SelectMany(r => r.Check(stayed)).Select(f => f.RuleCode));
    }

    [Fact]
    public void SwEpisodeRules_ChildNotLookedAfterAtYearEndWithAnOpenEpisode_FailsOneOpen()
    {
        // Child 3 was adopted on 1 October: a social worker episode still open at 31 March is wrong.
        var d = Sw(Valid(), 2, s => s with { SwDec = null });
        Assert.Equal(["SW-OPEN"], new RuleSwOneOpen().Check(d).Select(f => f.RuleCode));
        Assert.Equal("3", new RuleSwOneOpen().Check(d).Single().ChildReference);
    }

    [Fact]
    public void SwEpisodeRules_ChangeOnTheDayAndPlaceholderId_Pass()
    {
        var d = Sw(Sw(Valid(), 0, s => s with { SwDec = D(2025, 7, 1) }), 1, s => s with { SwId = "XX9" });
        Assert.Empty(new Ssda903Rule[] { new RuleSwFields(), new RuleSwReason(), new RuleSwId(), new RuleSwDates(), new RuleSwOverlap(), new RuleSwGap(), new RuleSwAllReported(), new RuleSwOneOpen() }.SelectMany(r => r.Check(d)));
    }

    [Theory]
    [InlineData("A12345678901Z", true)]
    [InlineData("A123456789012", true)]
    [InlineData("UN5", true)]
    [InlineData("a123456789012", false)]
    [InlineData("A1234567890", false)]
    [InlineData("UN7", false)]
    public void Rule168_IsValid_AcceptsUpnsAndUnknownReasons(string upn, bool valid) => Assert.Equal(valid, Rule168.IsValid(upn));

    [Fact]
    public void DoLoRules_OrderFromBeforeTheYear_IsCheckedOnlyOverTheYear_AndPassesInAChildrensHome()
    {
        // Child 1 was in foster care before June 2025, but the Episodes file starts the check at 1 April:
        // an order from 2024 in a K2 placement held all year is fine; the same order in U4 in April is not.
        var d = Valid() with
        {
            Episodes = [new("1", D(2024, 1, 10), "S", "C2", "N1", "K2", "PR4", null, null, null, "AB1 2CD", "AB5 6GH", "SC222222"), Valid().Episodes[2]],
            DoLo = [new("1", D(2010, 5, 1), D(2024, 2, 1), null)],
        };
        Assert.Empty(new Ssda903Rule[] { new RuleDoLoInCare(), new RuleDoLoPlacement(), new RuleDoLoYear() }.SelectMany(r => r.Check(d)));
        Assert.Single(new RuleDoLoPlacement().Check(Valid() with { DoLo = [new("1", D(2010, 5, 1), D(2024, 2, 1), null)] }));
    }

    [Fact]
    public void DoLoRules_SecureChildrensHome_FailsPlacementWithTheMessage()
    {
        var d = Episode(Valid(), 1, e => e with { Place = "K1" });
        var failure = Assert.Single(new RuleDoLoPlacement().Check(d with { DoLo = [ValidDoLo[1]] }));
        Assert.Equal("DOLO-PLACEMENT", failure.RuleCode);
        Assert.Equal("/children/1/care", failure.FixPath);
    }
}
