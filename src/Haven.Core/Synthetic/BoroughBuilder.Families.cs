using Haven.Core.People;
using Haven.Core.People.Identifiers;

namespace Haven.Core.Synthetic;

/// Plans the borough in memory. This part makes the families: who the children are, their parents,
/// brothers and sisters, wider family, homes and identifiers.
internal sealed partial class BoroughBuilder
{
    // Not readonly: BoroughBuilder.Timelines draws a few chains from a separate stream (WithStream).
    private Random _rng;
    private readonly BoroughOptions _options;
    private readonly DateOnly _today;
    private readonly DateOnly _windowStart;
    private readonly Places _places;
    private readonly HashSet<string> _nhsNumbers = [];
    private readonly HashSet<string> _upns = [];
    private readonly Dictionary<CaseStatus, Quota> _quotas = [];
    private int _familyNumber;

    public List<Family> Families { get; } = [];
    public List<ChildPlan> Children { get; } = [];
    public List<AdultPlan> Adults { get; } = [];
    public List<CaseGroup> Groups { get; } = [];
    public Places Places => _places;

    public BoroughBuilder(BoroughOptions options, DateOnly today)
    {
        _options = options;
        _today = today;
        _windowStart = today.AddYears(-options.Years);
        _rng = new Random(options.Seed);
        _places = new Places(_rng);
    }

    public Random Random => _rng;
    public DateOnly Today => _today;

    // Ethnicity of children, an outer-London-like mix (DfE ethnicity codes).
    private static readonly (string Code, double Weight)[] ChildEthnicity =
    [
        ("WBRI", 45), ("WOTH", 9), ("WIRI", 1), ("WIRT", 0.6), ("WROM", 0.4), ("MWBC", 4), ("MWBA", 3), ("MWAS", 3),
        ("MOTH", 4), ("AIND", 3), ("APKN", 2), ("ABAN", 1.5), ("AOTH", 3.5), ("BAFR", 7), ("BCRB", 3), ("BOTH", 2),
        ("CHNE", 1), ("OOTH", 4), ("REFU", 1), ("NOBT", 2),
    ];

    // National assessment factors (CIN census 2025, C3): the most common, with their shares.
    private static readonly (string Factor, double Weight)[] AssessmentFactors =
    [
        ("parental mental health", 33.5), ("domestic abuse", 31.7), ("emotional abuse", 19.0), ("the child's mental health", 17.6),
        ("neglect", 17.6), ("parental alcohol misuse", 14.3), ("parental drug misuse", 14.1), ("the child's learning disability", 12.3),
        ("physical abuse", 12.0), ("domestic abuse affecting the child directly", 11.3), ("behaviour in the community", 7.0),
        ("self-harm", 5.0), ("going missing", 3.3), ("criminal exploitation", 3.2), ("sexual exploitation", 2.4),
    ];

    private static readonly (string Code, double Weight)[] DisabilityWeights =
    [
        ("AUT", 30), ("LD", 24), ("BEH", 14), ("COMM", 10), ("MOB", 5), ("HEAR", 3), ("VIS", 3), ("PC", 3), ("HAND", 2),
        ("INC", 2), ("CON", 1), ("DDA", 3),
    ];

    private static readonly HashSet<string> FemaleOnlySurnames = ["Begum", "Khatun", "Bibi", "Kaur"];

    // ---------------------------------------------------------------- quotas

    /// How many children are in each status today, and their age, sex and UASC mix.
    public void PlanQuotas()
    {
        var n = _options.Children;
        var openCin = (int)Math.Round(n * _options.OpenChildInNeedShare);
        // England 2025 per 10,000 children: CIN 330 (including CP and CLA), CP 41, CLA 67.
        var cp = (int)Math.Round(openCin * 41.0 / 330);
        var cla = (int)Math.Round(openCin * 67.0 / 330);
        if (n >= 200) { cp = Math.Max(cp, 1); cla = Math.Max(cla, 1); }
        var cinOther = Math.Max(0, openCin - cp - cla);
        var assessment = (int)Math.Round(cinOther * 0.25);
        var cin = cinOther - assessment;
        var earlyHelp = (int)Math.Round(n * 0.06);
        var careLeavers = (int)Math.Round(cla * 0.6);
        if (cp + cla + cin + assessment + earlyHelp + careLeavers > n)
            throw new InvalidOperationException("OpenChildInNeedShare is too high for the number of children.");

        // Weights by band: unborn, under 1, 1-4, 5-9, 10-15, 16-17, 18+.
        // Children in care at 31 March 2025 (CLA25): under 1 4%, 1-4 12%, 5-9 18%, 10-15 38%, 16+ 27%;
        // male 56%; UASC 8%, almost all older boys.
        _quotas[CaseStatus.InCare] = BuildQuota(cla, [0, 4, 12, 18, 38, 28, 0], 0.56,
            uasc: (int)Math.Round(cla * 0.08), uascMale: 0.92, uascBands: [0, 0, 0, 0, 25, 75, 0]);
        _quotas[CaseStatus.ChildProtection] = BuildQuota(cp, [2, 11, 26, 28, 28, 5, 0], 0.50);
        _quotas[CaseStatus.Assessment] = BuildQuota(assessment, [2, 6, 16, 22, 38, 16, 0], 0.51);
        _quotas[CaseStatus.ChildInNeed] = BuildQuota(cin, [0, 3, 14, 24, 40, 19, 0], 0.53);
        _quotas[CaseStatus.EarlyHelp] = BuildQuota(earlyHelp, [0, 5, 20, 30, 37, 8, 0], 0.52);
        _quotas[CaseStatus.CareLeaver] = BuildQuota(careLeavers, [0, 0, 0, 0, 0, 0, 100], 0.56,
            uasc: (int)Math.Round(careLeavers * 0.15), uascMale: 0.9, uascBands: [0, 0, 0, 0, 0, 0, 100]);
    }

    private Quota BuildQuota(int total, double[] bandWeights, double maleShare, int uasc = 0, double uascMale = 0, double[]? uascBands = null)
    {
        var quota = new Quota();
        var bands = RandomExtensions.Apportion(total, bandWeights);
        if (uasc > 0 && uascBands is not null)
        {
            var ub = RandomExtensions.Apportion(uasc, uascBands);
            var males = (int)Math.Round(uasc * uascMale);
            var list = new List<AgeBand>();
            for (var b = 0; b < ub.Length; b++)
            {
                for (var k = 0; k < ub[b]; k++) list.Add((AgeBand)b);
                bands[b] = Math.Max(0, bands[b] - ub[b]);
            }
            _rng.Shuffle(list);
            for (var i = 0; i < list.Count; i++) quota.Add(new Slot(list[i], i < males ? Sex.Male : Sex.Female, true), 1);
            maleShare = (maleShare * total - males) / Math.Max(1, total - uasc);
        }
        quota.Add(new Slot(AgeBand.Unborn, Sex.Unknown, false), bands[0]);
        var born = new List<AgeBand>();
        for (var b = 1; b < bands.Length; b++) for (var k = 0; k < bands[b]; k++) born.Add((AgeBand)b);
        _rng.Shuffle(born);
        var maleCount = (int)Math.Round(Math.Clamp(maleShare, 0, 1) * born.Count);
        for (var i = 0; i < born.Count; i++) quota.Add(new Slot(born[i], i < maleCount ? Sex.Male : Sex.Female, false), 1);
        return quota;
    }

    // ---------------------------------------------------------------- families

    public void PlanFamilies()
    {
        var streets = Math.Max(60, _options.Children / 10);
        _places.PlanStreets(streets, Math.Max(40, streets / 3));

        CaseStatus[] order = [CaseStatus.InCare, CaseStatus.ChildProtection, CaseStatus.CareLeaver, CaseStatus.ChildInNeed,
            CaseStatus.Assessment, CaseStatus.EarlyHelp];
        foreach (var status in order)
        {
            var quota = _quotas[status];
            while (quota.Remaining > 0) NewFamily(status, quota.TakeRandom(_rng));
        }
        while (Children.Count < _options.Children)
        {
            var status = _rng.Chance(0.85) ? CaseStatus.Closed : CaseStatus.None;
            var band = _rng.Weighted<AgeBand>([(AgeBand.Under1, 5), (AgeBand.Age1To4, 20), (AgeBand.Age5To9, 28), (AgeBand.Age10To15, 34), (AgeBand.Age16To17, 13)]);
            NewFamily(status, new Slot(band, _rng.Chance(0.5) ? Sex.Male : Sex.Female, false));
        }
    }

    private int AgeFor(Slot slot) => slot.Band switch
    {
        AgeBand.Under1 => 0,
        AgeBand.Age1To4 => _rng.Between(1, 4),
        AgeBand.Age5To9 => _rng.Between(5, 9),
        AgeBand.Age10To15 => slot.Uasc ? _rng.Between(14, 15) : _rng.Between(10, 15),
        AgeBand.Age16To17 => _rng.Between(16, 17),
        // Care leavers: mostly 18 to 21; never older than the history allows (in care before 18).
        AgeBand.Adult => Math.Min(_rng.Weighted<int>([(18, 26), (19, 24), (20, 21), (21, 16), (22, 8), (23, 5)]), 17 + Math.Max(1, _options.Years)),
        _ => 0,
    };

    private static AgeBand BandFor(int age) => age switch
    {
        0 => AgeBand.Under1,
        <= 4 => AgeBand.Age1To4,
        <= 9 => AgeBand.Age5To9,
        <= 15 => AgeBand.Age10To15,
        <= 17 => AgeBand.Age16To17,
        _ => AgeBand.Adult,
    };

    private void NewFamily(CaseStatus status, Slot slot)
    {
        var family = new Family { Number = ++_familyNumber, Uasc = slot.Uasc };
        Families.Add(family);
        if (slot.Uasc)
        {
            NewUascChild(family, status, slot);
            return;
        }

        var childCode = _rng.Weighted(ChildEthnicity);
        var (motherCode, fatherCode) = ParentCodes(childCode);
        var motherHeritage = HeritageFor(motherCode);
        var fatherHeritage = motherCode == fatherCode ? motherHeritage : HeritageFor(fatherCode);
        family.Heritage = motherHeritage;
        var troubled = status is CaseStatus.ChildProtection or CaseStatus.InCare or CaseStatus.CareLeaver;

        // The index child fixes the mother's age.
        var unborn = slot.Band == AgeBand.Unborn;
        var indexAge = unborn ? 0 : AgeFor(slot);
        var indexDob = unborn ? (DateOnly?)null : _rng.BirthDateForAge(_today, indexAge);
        var indexBirth = indexDob ?? _today.AddDays(_rng.Between(14, 150));
        var motherAgeAtBirth = troubled ? _rng.Between(16, 36) : _rng.Between(18, 41);
        var motherDob = indexBirth.AddYears(-motherAgeAtBirth).AddDays(-_rng.Next(365));

        var familySurname = PickSurname(fatherHeritage);
        var fatherKnown = _rng.Chance(troubled ? 0.72 : 0.86);
        var married = fatherKnown && _rng.Chance(0.4);
        var motherSurname = married ? familySurname : PickSurname(motherHeritage);
        if (motherHeritage == Heritage.Bangladeshi && _rng.Chance(0.4)) motherSurname = "Begum";
        var mother = NewAdult(family, motherHeritage, Sex.Female, motherDob, motherCode, motherSurname);
        family.Mother = mother;
        if (fatherKnown)
        {
            var fatherDob = motherDob.AddDays(_rng.Between(-3 * 365, 10 * 365));
            family.Father = NewAdult(family, fatherHeritage, Sex.Male, fatherDob, fatherCode, familySurname);
            family.FatherAtHome = _rng.Chance(troubled ? 0.3 : 0.5);
        }
        var childrenSurname = fatherKnown && (married || _rng.Chance(0.55)) ? familySurname : motherSurname;
        var hyphenated = fatherKnown && !married && _rng.Chance(0.05) && childrenSurname != motherSurname
            ? $"{motherSurname}-{familySurname}" : null;

        var index = NewChild(family, status, slot.Sex, indexDob, childCode, motherHeritage, fatherHeritage,
            hyphenated ?? childrenSurname, family.Father);
        if (unborn)
        {
            index.Person.FirstName = "Unborn";
            index.Person.ExpectedDateOfBirth = indexBirth;
        }

        // Brothers and sisters: full siblings share both parents; some share only the mother.
        var siblings = status == CaseStatus.CareLeaver
            ? _rng.Weighted<int>([(0, 45), (1, 30), (2, 17), (3, 8)])
            : _rng.Weighted<int>([(0, 33), (1, 30), (2, 18), (3, 11), (4, 6), (5, 2)]);
        if (status is CaseStatus.Closed or CaseStatus.None)
            siblings = Math.Min(siblings, _options.Children - Children.Count);
        var secondFather = siblings > 0 && _rng.Chance(troubled ? 0.4 : 0.25);
        if (secondFather)
        {
            var sfHeritage = _rng.Chance(0.8) ? fatherHeritage : HeritageFor(fatherCode);
            family.SecondFather = NewAdult(family, sfHeritage, Sex.Male, motherDob.AddDays(_rng.Between(-2 * 365, 12 * 365)),
                fatherCode, PickSurname(sfHeritage));
        }
        var births = new List<DateOnly> { indexBirth };
        var earliest = Dates.Max(motherDob.AddYears(16), _today.AddYears(-18).AddDays(1));
        var latest = Dates.Min(motherDob.AddYears(45), _today);
        for (var s = 0; s < siblings; s++)
        {
            if (status is CaseStatus.Closed or CaseStatus.None && Children.Count >= _options.Children) break;
            DateOnly? dob = null;
            if (_rng.Chance(0.02) && indexDob is not null) dob = indexDob; // twins
            for (var attempt = 0; dob is null && attempt < 12; attempt++)
            {
                var candidate = _rng.DateBetween(earliest, latest);
                if (births.All(b => Math.Abs(b.DayNumber - candidate.DayNumber) > 330)) dob = candidate;
            }
            if (dob is null || dob > _today) continue;
            births.Add(dob.Value);
            var age = Dates.AgeOn(dob.Value, _today);
            var sex = _rng.Chance(0.5) ? Sex.Male : Sex.Female;
            var siblingStatus = SiblingStatus(status, BandFor(age), ref sex);
            var halfSibling = secondFather && _rng.Chance(0.5);
            var father = halfSibling ? family.SecondFather : family.Father;
            var surname = halfSibling ? (_rng.Chance(0.5) ? family.SecondFather!.Person.LastName : motherSurname) : (hyphenated ?? childrenSurname);
            NewChild(family, siblingStatus, sex, dob, childCode, motherHeritage,
                halfSibling ? family.SecondFather!.Heritage : fatherHeritage, surname, father);
        }

        if (_rng.Chance(troubled ? 0.25 : 0.15))
        {
            var spHeritage = _rng.Chance(0.7) ? motherHeritage : _rng.Pick(Enum.GetValues<Heritage>());
            family.StepParent = NewAdult(family, spHeritage, _rng.Chance(0.93) ? Sex.Male : Sex.Female,
                motherDob.AddDays(_rng.Between(-4 * 365, 8 * 365)), motherCode, PickSurname(spHeritage));
            family.StepParentFrom = _rng.DateBetween(_windowStart.AddYears(-3), _today.AddDays(-60));
        }

        var factors = _rng.Weighted<int>([(1, 40), (2, 40), (3, 20)]);
        while (family.Concerns.Count < factors)
        {
            var f = _rng.Weighted(AssessmentFactors);
            if (!family.Concerns.Contains(f)) family.Concerns.Add(f);
        }

        PlanHome(family);
        PlanWiderFamily(family, motherDob, motherCode);
        PlanFamilyRelationships(family);
    }

    private CaseStatus SiblingStatus(CaseStatus indexStatus, AgeBand band, ref Sex sex)
    {
        var same = indexStatus switch
        {
            CaseStatus.ChildProtection => 0.8,
            CaseStatus.InCare => 0.55,
            CaseStatus.ChildInNeed => 0.45,
            CaseStatus.Assessment => 0.5,
            CaseStatus.EarlyHelp => 0.6,
            _ => 0,
        };
        var candidates = new List<CaseStatus>();
        if (indexStatus is CaseStatus.Closed or CaseStatus.None) return _rng.Chance(0.8) ? CaseStatus.Closed : CaseStatus.None;
        if (_rng.Chance(same)) candidates.Add(indexStatus);
        if (indexStatus is CaseStatus.ChildProtection or CaseStatus.InCare && _rng.Chance(0.2)) candidates.Add(CaseStatus.ChildInNeed);
        if (indexStatus == CaseStatus.CareLeaver && _rng.Chance(0.25)) candidates.Add(CaseStatus.InCare);
        foreach (var status in candidates)
        {
            var quota = _quotas[status];
            if (quota.TryTake(band, sex)) return status;
            var other = sex == Sex.Male ? Sex.Female : Sex.Male;
            if (quota.TryTake(band, other)) { sex = other; return status; }
        }
        return _rng.Chance(0.7) ? CaseStatus.Closed : CaseStatus.None;
    }

    private void NewUascChild(Family family, CaseStatus status, Slot slot)
    {
        // Unaccompanied children arrive without family; most are older boys from a few countries.
        var (heritage, code) = _rng.Weighted<(Heritage, string)>([((Heritage.Afghan, "AOTH"), 30), ((Heritage.HornOfAfrica, "BAFR"), 22), ((Heritage.Somali, "BAFR"), 8),
            ((Heritage.MiddleEastern, "OOTH"), 20), ((Heritage.Vietnamese, "AOTH"), 10), ((Heritage.Albanian, "WOTH"), 10)]);
        family.Heritage = heritage;
        var age = AgeFor(slot);
        var dob = _rng.BirthDateForAge(_today, age);
        var child = NewChild(family, status, slot.Sex, dob, code, heritage, heritage, PickSurname(heritage), null);
        child.Person.IsUnaccompaniedAsylumSeeker = true;
        if (age >= 18 && _rng.Chance(0.5)) child.Person.UascCeasedDate = dob.AddYears(18);
        family.Concerns.Add("unaccompanied asylum-seeking child");
        if (_rng.Chance(0.3)) family.Concerns.Add("the child's mental health");
    }

    private static (string Mother, string Father) ParentCodes(string childCode) => childCode switch
    {
        "MWBC" => ("WBRI", "BCRB"),
        "MWBA" => ("WBRI", "BAFR"),
        "MWAS" => ("WBRI", "APKN"),
        "MOTH" => ("WOTH", "OOTH"),
        "WBRI" => ("WBRI", "WBRI"),
        _ => (childCode, childCode),
    };

    private Heritage HeritageFor(string code) => code switch
    {
        "WBRI" => Heritage.British,
        "WIRI" => Heritage.Irish,
        "WIRT" => Heritage.Traveller,
        "WROM" => Heritage.Roma,
        "WOTH" => _rng.Weighted<Heritage>([(Heritage.EastEuropean, 55), (Heritage.SouthernEuropean, 25), (Heritage.Albanian, 20)]),
        "AIND" => Heritage.Indian,
        "APKN" => _rng.Chance(0.8) ? Heritage.Pakistani : Heritage.Indian,
        "ABAN" => Heritage.Bangladeshi,
        "AOTH" => _rng.Weighted<Heritage>([(Heritage.Tamil, 40), (Heritage.Afghan, 30), (Heritage.Vietnamese, 30)]),
        "BAFR" => _rng.Weighted<Heritage>([(Heritage.WestAfrican, 65), (Heritage.Somali, 22), (Heritage.HornOfAfrica, 13)]),
        "BCRB" => Heritage.Caribbean,
        "BOTH" => _rng.Chance(0.5) ? Heritage.Caribbean : Heritage.WestAfrican,
        "CHNE" => Heritage.Chinese,
        "OOTH" => _rng.Weighted<Heritage>([(Heritage.MiddleEastern, 75), (Heritage.Afghan, 10), (Heritage.SouthernEuropean, 15)]),
        _ => _rng.Chance(0.6) ? Heritage.British : _rng.Pick(Enum.GetValues<Heritage>()),
    };

    private string PickSurname(Heritage heritage)
    {
        var pool = NamePools.For(heritage).Surnames;
        string name;
        do name = _rng.Pick(pool); while (FemaleOnlySurnames.Contains(name));
        return name;
    }

    private static string SurnameFor(string surname, Sex sex, Heritage heritage)
    {
        if (sex != Sex.Female) return surname;
        if (heritage == Heritage.EastEuropean && surname.EndsWith("ski", StringComparison.Ordinal)) return surname[..^1] + "a";
        if (heritage == Heritage.Indian && surname == "Singh") return "Kaur";
        return surname;
    }

    private string FirstNameFor(Heritage heritage, Sex sex, DateOnly? dob)
    {
        var grownUp = dob is { } d && Dates.AgeOn(d, _today) >= 27;
        if (heritage == Heritage.British && grownUp) return _rng.Pick(sex == Sex.Female ? NamePools.BritishWomen : NamePools.BritishMen);
        return _rng.Pick(NamePools.For(heritage).For(sex == Sex.Unknown ? (_rng.Chance(0.5) ? Sex.Male : Sex.Female) : sex));
    }

    // Parents rarely give two children the same first name: draw again if a sibling has it.
    private string SiblingFirstName(Family family, Heritage heritage, Sex sex, DateOnly? dob)
    {
        var name = FirstNameFor(heritage, sex, dob);
        for (var i = 0; i < 8 && family.Children.Any(c => c.Person.FirstName == name); i++) name = FirstNameFor(heritage, sex, dob);
        return name;
    }

    private AdultPlan NewAdult(Family? family, Heritage heritage, Sex sex, DateOnly dob, string ethnicity, string surname)
    {
        var person = new Person
        {
            Kind = PersonKind.Adult,
            FirstName = FirstNameFor(heritage, sex, dob),
            LastName = SurnameFor(surname, sex, heritage),
            Sex = sex,
            DateOfBirth = dob,
            EthnicityCode = ethnicity,
            NhsNumber = _rng.Chance(0.6) && _nhsNumbers.Count < AdultNhsNumberLimit ? NewNhsNumber() : null,
        };
        if (_rng.Chance(0.4)) person.FirstLanguage = _rng.Pick(NamePools.For(heritage).Languages);
        if (_rng.Chance(0.3)) person.Religion = _rng.Pick(NamePools.For(heritage).Religions);
        var adult = new AdultPlan { Person = person, Heritage = heritage };
        Adults.Add(adult);
        family?.Adults.Add(adult);
        return adult;
    }

    private ChildPlan NewChild(Family family, CaseStatus status, Sex sex, DateOnly? dob, string ethnicity,
        Heritage motherHeritage, Heritage fatherHeritage, string surname, AdultPlan? father)
    {
        var heritage = _rng.Chance(0.5) ? motherHeritage : fatherHeritage;
        if (ethnicity.StartsWith('M') && _rng.Chance(0.4)) heritage = Heritage.British;
        var person = new Person
        {
            Kind = PersonKind.Child,
            FirstName = SiblingFirstName(family, heritage, sex, dob),
            LastName = SurnameFor(surname, sex, heritage),
            Sex = dob is null ? Sex.Unknown : sex,
            DateOfBirth = dob,
            EthnicityCode = dob is null && _rng.Chance(0.5) ? "NOBT" : ethnicity,
        };
        var pool = NamePools.For(heritage);
        if (dob is not null)
        {
            var age = Dates.AgeOn(dob.Value, _today);
            if (_rng.Chance(0.3))
            {
                var middle = FirstNameFor(heritage, sex, dob);
                if (middle != person.FirstName) person.OtherNames = middle;
            }
            if (NamePools.Nicknames.TryGetValue(person.FirstName, out var nicknames) && _rng.Chance(0.35))
                person.KnownAs = _rng.Pick(nicknames);
            person.NhsNumber = _rng.Chance(0.96) ? NewNhsNumber() : null;
            person.DisabilityCodes = age >= 3 ? (_rng.Chance(0.135) ? DisabilityCodes() : "NONE")
                : _rng.Chance(0.03) ? _rng.Pick(["MOB", "HEAR", "VIS", "PC"]) : "NONE";
            if (_rng.Chance(0.7))
                person.FirstLanguage = pool.Languages.Length == 1 || _rng.Chance(0.55) && pool.Languages.Contains("English") ? "English" : _rng.Pick(pool.Languages);
            if (_rng.Chance(0.55)) person.Religion = _rng.Pick(pool.Religions);
            if (age >= 5 || age == 4 && _rng.Chance(0.5))
            {
                if (_rng.Chance(0.94)) person.Upn = NewUpn();
                else person.UpnUnknownReason = _rng.Chance(0.7) ? "UN5" : "UN3";
            }
            else person.UpnUnknownReason = "UN1";
        }
        else
        {
            person.UpnUnknownReason = "UN6";
        }
        var child = new ChildPlan { Person = person, Family = family, Status = status, Heritage = heritage, Father = father };
        family.Children.Add(child);
        Children.Add(child);
        return child;
    }

    private string DisabilityCodes()
    {
        var first = _rng.Weighted(DisabilityWeights);
        if (!_rng.Chance(0.2)) return first;
        var second = _rng.Weighted(DisabilityWeights);
        return second == first ? first : $"{first} {second}";
    }

    /// Synthetic NHS numbers are in the 999 test range: 999 and six digits, about 909,000 with a
    /// valid check digit. A region (500,000 children and more adults) would want more than there are,
    /// and drawing at random until a free one turns up never ends. Children always get theirs (480,000
    /// at most); adults, whose number is not looked up, stop getting one once this many are in use,
    /// which a borough of 50,000 never reaches, so its output is unchanged.
    internal const int AdultNhsNumberLimit = 300_000;

    public string NewNhsNumber()
    {
        // Random numbers collide in a borough of tens of thousands; a record keeps one number.
        if (_nhsNumbers.Count >= 850_000)
            throw new InvalidOperationException("The borough needs more synthetic NHS numbers than the 999 test range holds (about 909,000).");
        string nhs;
        do nhs = NhsNumber.Generate(_rng); while (!_nhsNumbers.Add(nhs));
        return nhs;
    }

    private string NewUpn()
    {
        string upn;
        do upn = UniquePupilNumber.Generate(_rng, _options.LaNumber); while (!_upns.Add(upn));
        return upn;
    }

    // ---------------------------------------------------------------- homes and wider family

    private void PlanHome(Family family)
    {
        var oldest = family.Children.Where(c => c.Dob is not null).Select(c => c.Dob!.Value).DefaultIfEmpty(_today).Min();
        var firstStart = oldest.AddDays(-_rng.Between(0, 3 * 365));
        var moves = _rng.Weighted<int>([(0, 55), (1, 25), (2, 13), (3, 7)]);
        var moveFrom = Dates.Max(firstStart.AddDays(60), _windowStart.AddYears(-1));
        var moveDates = Enumerable.Range(0, moves).Select(_ => _rng.DateBetween(moveFrom, _today.AddDays(-30))).Order().Distinct().ToList();
        var start = firstStart;
        for (var i = 0; i <= moveDates.Count; i++)
        {
            var end = i < moveDates.Count ? moveDates[i] : (DateOnly?)null;
            // Families who moved often came from elsewhere; the current home is always in the borough.
            var inBorough = end is null || _rng.Chance(0.75);
            family.Home.Add(new Residence(_places.NewHome(inBorough), start, end?.AddDays(-1)));
            if (end is { } e) start = e;
        }

        foreach (var child in family.Children) AddResidences(child.Homes, family.Home, child.Dob ?? _today);
        if (family.Mother is { } mother) AddResidences(mother.Homes, family.Home, firstStart);
        if (family.Father is { } father)
        {
            if (family.FatherAtHome) AddResidences(father.Homes, family.Home, firstStart);
            else father.Homes.Add(new Residence(_places.NewHome(_rng.Chance(0.7)), _rng.DateBetween(_windowStart.AddYears(-4), _today.AddDays(-90)), null));
        }
        if (family.SecondFather is { } second)
            second.Homes.Add(new Residence(_places.NewHome(_rng.Chance(0.65)), _rng.DateBetween(_windowStart.AddYears(-4), _today.AddDays(-90)), null));
        if (family.StepParent is { } step) AddResidences(step.Homes, family.Home, family.StepParentFrom);
    }

    private static void AddResidences(List<Residence> into, List<Residence> from, DateOnly since)
    {
        foreach (var r in from)
        {
            if (r.End is { } end && end < since) continue;
            into.Add(r with { Start = Dates.Max(r.Start, since) });
        }
    }

    private void PlanWiderFamily(Family family, DateOnly motherDob, string motherCode)
    {
        var mother = family.Mother!;
        var kids = family.Children;
        AdultPlan? maternalGrandmother = null;
        if (_rng.Chance(0.55))
        {
            var gm = NewAdult(family, mother.Heritage, Sex.Female, motherDob.AddYears(-_rng.Between(18, 34)).AddDays(-_rng.Next(365)),
                motherCode, _rng.Chance(0.6) ? mother.Person.LastName : PickSurname(mother.Heritage));
            var home = _places.NewHome(_rng.Chance(0.6));
            gm.Homes.Add(new Residence(home, _windowStart.AddYears(-_rng.Between(1, 20)), null));
            family.Grandparent = gm;
            maternalGrandmother = gm;
            family.Relationships.Add(new(gm.Person, mother.Person, RelationshipType.Mother, false));
            foreach (var c in kids) family.Relationships.Add(new(gm.Person, c.Person, RelationshipType.Grandparent, false));
            if (_rng.Chance(0.5))
            {
                var gf = NewAdult(family, mother.Heritage, Sex.Male, gm.Person.DateOfBirth!.Value.AddDays(-_rng.Between(0, 5 * 365)),
                    motherCode, gm.Person.LastName);
                gf.Homes.Add(gm.Homes[0]);
                family.Relationships.Add(new(gf.Person, mother.Person, RelationshipType.Father, false));
                foreach (var c in kids) family.Relationships.Add(new(gf.Person, c.Person, RelationshipType.Grandparent, false));
            }
        }
        if (family.Father is { } father && _rng.Chance(0.25))
        {
            var pgm = NewAdult(family, father.Heritage, Sex.Female, father.Person.DateOfBirth!.Value.AddYears(-_rng.Between(19, 35)),
                father.Person.EthnicityCode ?? motherCode, father.Person.LastName);
            pgm.Homes.Add(new Residence(_places.NewHome(_rng.Chance(0.5)), _windowStart.AddYears(-_rng.Between(1, 20)), null));
            family.Relationships.Add(new(pgm.Person, father.Person, RelationshipType.Mother, false));
            foreach (var c in kids.Where(c => c.Father == father))
                family.Relationships.Add(new(pgm.Person, c.Person, RelationshipType.Grandparent, false));
            family.Grandparent ??= pgm;
        }
        if (_rng.Chance(0.35))
        {
            var sex = _rng.Chance(0.6) ? Sex.Female : Sex.Male;
            var aunt = NewAdult(family, mother.Heritage, sex, motherDob.AddDays(_rng.Between(-8 * 365, 8 * 365)), motherCode,
                _rng.Chance(0.5) ? mother.Person.LastName : PickSurname(mother.Heritage));
            aunt.Homes.Add(new Residence(_places.NewHome(_rng.Chance(0.55)), _windowStart.AddYears(-_rng.Between(0, 8)), null));
            family.Relationships.Add(new(aunt.Person, mother.Person, RelationshipType.Sibling, false));
            if (maternalGrandmother is not null)
                family.Relationships.Add(new(maternalGrandmother.Person, aunt.Person, RelationshipType.Mother, false));
            foreach (var c in kids) family.Relationships.Add(new(aunt.Person, c.Person, RelationshipType.AuntOrUncle, false));
        }
        if (_rng.Chance(0.12))
        {
            var heritage = _rng.Chance(0.6) ? mother.Heritage : _rng.Pick(Enum.GetValues<Heritage>());
            var friend = NewAdult(family, heritage, _rng.Chance(0.8) ? Sex.Female : Sex.Male, motherDob.AddDays(_rng.Between(-10 * 365, 6 * 365)),
                heritage == mother.Heritage ? motherCode : "NOBT", PickSurname(heritage));
            friend.Homes.Add(new Residence(_places.NewHome(true), _windowStart.AddYears(-_rng.Between(0, 10)), null));
            foreach (var c in kids.Where((_, i) => i == 0 || _rng.Chance(0.5)))
                family.Relationships.Add(new(friend.Person, c.Person, RelationshipType.FamilyFriend, false));
        }
    }

    private void PlanFamilyRelationships(Family family)
    {
        var kids = family.Children;
        foreach (var c in kids)
        {
            if (family.Mother is { } m) family.Relationships.Add(new(m.Person, c.Person, RelationshipType.Mother, true));
            if (c.Father is { } f) family.Relationships.Add(new(f.Person, c.Person, RelationshipType.Father, _rng.Chance(0.82)));
            if (family.StepParent is { } s && c.Father != s)
                family.Relationships.Add(new(s.Person, c.Person, RelationshipType.StepParent, _rng.Chance(0.1),
                    Dates.Max(family.StepParentFrom, c.Dob ?? family.StepParentFrom)));
        }
        for (var i = 0; i < kids.Count; i++)
            for (var j = i + 1; j < kids.Count; j++)
            {
                var type = kids[i].Father == kids[j].Father ? RelationshipType.Sibling : RelationshipType.HalfSibling;
                family.Relationships.Add(new(kids[i].Person, kids[j].Person, type, false));
            }
    }
}
