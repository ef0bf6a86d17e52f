using Haven.Core.Involvements;
using Haven.Core.People;
using Haven.Core.Workforce;

namespace Haven.Core.Synthetic;

/// Plans the rest of the record: schools, GPs and health visitors, restricted records and their
/// access lists, and partner agencies' narrow access.
internal sealed partial class BoroughBuilder
{
    internal sealed record Restriction(ChildPlan Child, string Reason, DateOnly Since, List<Worker> AccessList);
    internal sealed record PartnerGrant(ChildPlan Child, Worker Worker, string Reason, DateOnly From, DateOnly? Expires, DateOnly? Revoked);

    public List<Restriction> Restrictions { get; } = [];
    public List<PartnerGrant> PartnerGrants { get; } = [];
    public ChildPlan? DemoRestrictedChild { get; private set; }
    public ChildPlan? DemoOtherServiceChild { get; private set; }

    private readonly List<SchoolInfo> _primaries = [];
    private readonly List<SchoolInfo> _secondaries = [];
    private readonly List<(string Practice, string Phone, string[] Doctors)> _practices = [];
    private readonly List<string> _healthVisitors = [];

    private static readonly string[] RestrictionReasons =
    [
        "Relative of a member of staff", "Practice review", "Family member works for the council", "Address must stay confidential (risk from a known adult)",
        "High public profile",
    ];

    public void PlanProfessionals()
    {
        var n = _options.Children;
        for (var i = 0; i < Math.Max(8, n / 250); i++) _primaries.Add(NewSchool(secondary: false));
        for (var i = 0; i < Math.Max(4, n / 900); i++) _secondaries.Add(NewSchool(secondary: true));
        for (var i = 0; i < Math.Max(6, n / 1200); i++)
        {
            var name = _rng.Weighted<Func<string>>([
                (() => $"{_places.NewBuildingName("Medical Centre")}", 3),
                (() => $"{_rng.Pick(Places.Localities).Name} Health Centre", 2),
                (() => $"{_places.NewBuildingName("Surgery")}", 2),
                (() => $"{_places.NewBuildingName("Family Practice")}", 1)])();
            var doctors = Enumerable.Range(0, _rng.Between(2, 5)).Select(_ => $"Dr {PersonName()}").ToArray();
            _practices.Add((name, _places.LandlineNumber(), doctors));
        }
        for (var i = 0; i < Math.Max(4, n / 1500); i++) _healthVisitors.Add(PersonName(Sex.Female));

        foreach (var family in Families)
        {
            var practice = _rng.Pick(_practices);
            var primary = _rng.Pick(_primaries);
            var secondary = _rng.Pick(_secondaries);
            var hv = _rng.Pick(_healthVisitors);
            foreach (var child in family.Children)
            {
                if (child.Person.IsUnborn) continue;
                if (_rng.Chance(family.Uasc ? 0.9 : 0.82))
                    child.Gp = new GpInfo(practice.Practice, _rng.Pick(practice.Doctors), practice.Phone);
                var age = child.AgeOn(_today);
                if (age is >= 4 and <= 17 && _rng.Chance(family.Uasc ? 0.6 : 0.88))
                    child.School = age <= 10 ? primary : age <= 15 ? secondary : _rng.Chance(0.5) ? secondary : College;
                if (age <= 4 && _rng.Chance(0.75)) child.HealthVisitor = hv;
            }
        }
    }

    private SchoolInfo? _college;
    private SchoolInfo College => _college ??= new SchoolInfo("Havenbridge College", $"{(_rng.Chance(0.5) ? "Ms" : "Mr")} {PersonName()}", "Safeguarding lead", _places.LandlineNumber(), true);

    private SchoolInfo NewSchool(bool secondary)
    {
        var word = _places.NewBuildingName("").Trim();
        var name = secondary
            ? _rng.Weighted<Func<string>>([(() => $"{word} Academy", 3), (() => $"{word} School", 2), (() => $"St {_rng.Pick(Places.Saints)}'s Catholic High School", 1), (() => $"{_rng.Pick(Places.Localities).Name} High School", 2)])()
            : _rng.Weighted<Func<string>>([(() => $"{word} Primary School", 4), (() => $"St {_rng.Pick(Places.Saints)}'s C of E Primary School", 1),
                (() => $"{_rng.Pick(Places.Localities).Name} Infant and Junior School", 1), (() => $"{word} Primary Academy", 1)])();
        var contact = $"{(_rng.Chance(0.6) ? "Ms" : "Mr")} {PersonName()}";
        return new SchoolInfo(name, contact, "Designated safeguarding lead", _places.LandlineNumber(), secondary);
    }

    private string PersonName(Sex? sex = null)
    {
        var heritage = _rng.Weighted<Heritage>([(Heritage.British, 55), (Heritage.Irish, 5), (Heritage.Indian, 8), (Heritage.WestAfrican, 8), (Heritage.Caribbean, 6),
            (Heritage.Pakistani, 5), (Heritage.EastEuropean, 5), (Heritage.SouthernEuropean, 4), (Heritage.Chinese, 2), (Heritage.MiddleEastern, 2)]);
        var s = sex ?? (_rng.Chance(0.6) ? Sex.Female : Sex.Male);
        return $"{FirstNameFor(heritage, s, _today.AddYears(-40))} {SurnameFor(PickSurname(heritage), s, heritage)}";
    }

    // ---------------------------------------------------------------- restricted records

    /// About 0.7% of children's records are restricted, each opened only to its allocated worker and
    /// that worker's manager. One sits in the demo social worker's service but out of their reach,
    /// one on their own caseload (so they can see what a restricted record looks like).
    public void PlanRestrictions()
    {
        var target = Math.Max(1, (int)Math.Round(_options.Children * 0.007));
        var restricted = new HashSet<ChildPlan>();
        var demo = DemoSocialWorker!;
        var demoTeam = TeamOf[demo];
        var demoService = ServiceOf[demoTeam];

        void Restrict(CaseGroup g, string reason)
        {
            var seg = g.CurrentSocial ?? g.Social.LastOrDefault();
            if (seg?.Worker is null) return;
            var access = new List<Worker>();
            if (seg.Worker.IsActive) access.Add(seg.Worker);
            if (seg.Team is { } team && ManagerOf.TryGetValue(team, out var manager)) access.Add(manager);
            if (access.Count == 0) access.Add(SeniorLeaders[1]);
            var since = Dates.Max(g.Spans[0].Start, _today.AddDays(-_rng.Between(30, 900)));
            foreach (var child in g.Members)
            {
                if (!restricted.Add(child)) continue;
                child.Person.IsRestricted = true;
                child.Person.RestrictionReason = reason;
                Restrictions.Add(new Restriction(child, reason, Dates.Min(since, _today), access));
            }
        }

        var hidden = Groups.Where(g => g.CurrentSocial is { Worker: { } w, Team: { } t } && w != demo && t != demoTeam
                && ServiceOf[t] == demoService && !g.Unborn && g.Members.Count == 1)
            .OrderBy(g => g.Current!.Kind == InvolvementKind.ChildProtection ? 0 : 1).FirstOrDefault();
        if (hidden is not null)
        {
            Restrict(hidden, "Relative of a member of staff");
            DemoRestrictedChild = hidden.Members[0];
        }
        var own = _holders[TeamType.Safeguarding].First(h => h.Worker == demo).Groups.FirstOrDefault(g => g.Members.Count == 1);
        if (own is not null && target >= 5) Restrict(own, "Practice review");

        var open = Groups.Where(g => g.Current is not null && g.CurrentSocial is not null && !g.Unborn).ToList();
        var closed = Groups.Where(g => g.Current is null && g.Social.Count > 0).ToList();
        var guard = 0;
        while (restricted.Count < target && guard++ < target * 20)
        {
            var pool = _rng.Chance(0.7) || closed.Count == 0 ? open : closed;
            if (pool.Count == 0) break;
            var g = _rng.Pick(pool);
            if (g.Members.Any(restricted.Contains) || restricted.Count + g.Members.Count > target + 1) continue;
            if (g.CurrentSocial?.Worker == demo) continue;
            Restrict(g, _rng.Pick(RestrictionReasons));
        }

        // A child held in another service (children in care), outside the demo social worker's reach.
        DemoOtherServiceChild = Groups
            .Where(g => g.CurrentSocial is { Team: { } t } && ServiceOf[t] != demoService && TypeOf[t] == TeamType.ChildrenInCare)
            .SelectMany(g => g.Members).FirstOrDefault(c => !c.Person.IsRestricted);
    }

    /// Partner agencies see only the children the council has granted them, for a purpose and a time.
    public void PlanPartnerGrants()
    {
        var reasons = new[]
        {
            ("Joint section 47 enquiry with the police child abuse investigation team", InvolvementKind.ChildProtection),
            ("Named nurse for looked-after children: health assessment", InvolvementKind.InCare),
            ("Designated safeguarding lead: child protection plan actions", InvolvementKind.ChildProtection),
        };
        for (var i = 0; i < PartnerWorkers.Count; i++)
        {
            var (reason, kind) = reasons[i % reasons.Length];
            var candidates = Children.Where(c => !c.Person.IsRestricted && c.Group.Current?.Kind == kind).ToList();
            var count = Math.Min(candidates.Count, Math.Max(2, _options.Children / 1000));
            foreach (var child in candidates.OrderBy(_ => _rng.Next()).Take(count))
            {
                var from = _today.AddDays(-_rng.Between(5, 120));
                var revoked = _rng.Chance(0.1) ? _today.AddDays(-_rng.Between(0, 4)) : (DateOnly?)null;
                PartnerGrants.Add(new PartnerGrant(child, PartnerWorkers[i], reason, from, from.AddDays(_rng.Between(90, 180)), revoked));
            }
        }
    }

    /// When each adult was first recorded: with the first of their family's children, or when a
    /// child was first placed with them.
    public void FinishPeople()
    {
        var first = new Dictionary<Person, DateTime>();
        foreach (var family in Families)
        {
            var at = family.Children.Count > 0 ? family.Children.Min(c => c.Person.RecordedAt) : At(_windowStart, 9, 17);
            foreach (var adult in family.Adults) first[adult.Person] = at;
        }
        foreach (var r in CarerRelationships)
        {
            var at = new DateTime(r.Start ?? _windowStart, new TimeOnly(10, 0), DateTimeKind.Utc);
            if (!first.TryGetValue(r.Person, out var known) || at < known) first[r.Person] = at;
        }
        foreach (var adult in Adults)
            adult.Person.RecordedAt = first.TryGetValue(adult.Person, out var at) ? at : At(_windowStart, 9, 17);
    }
}
