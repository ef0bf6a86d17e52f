using Haven.Core.Allocations;
using Haven.Core.Involvements;
using Haven.Core.People;
using Haven.Core.Workforce;

namespace Haven.Core.Synthetic;

/// Plans the workforce, sized so that caseloads land near the national average, and allocates
/// every case to a worker.
internal sealed partial class BoroughBuilder
{
    public List<Service> Services { get; } = [];
    public List<Team> Teams { get; } = [];
    public List<Worker> Workers { get; } = [];
    public Dictionary<Team, Service> ServiceOf { get; } = [];
    public Dictionary<Worker, Team> TeamOf { get; } = [];
    public Dictionary<Team, Worker> ManagerOf { get; } = [];
    public Dictionary<Team, TeamType> TypeOf { get; } = [];
    private readonly Dictionary<TeamType, List<CaseHolder>> _holders = [];
    private readonly Dictionary<TeamType, List<(Worker Worker, Team Team)>> _pastHolders = [];
    private readonly HashSet<string> _sweNumbers = [];
    private readonly HashSet<string> _workerNames = [];

    public Worker? DemoSocialWorker { get; private set; }
    public Dictionary<HavenRole, Worker> DemoWorkers { get; } = [];
    public List<Worker> PartnerWorkers { get; } = [];
    public List<Worker> SeniorLeaders { get; } = [];

    // Average caseload per case-holding social worker, England 2025 (CSWW25): 15.2.
    private const double SocialWorkerCaseload = 15.2;

    public void PlanWorkforce()
    {
        var load = new Dictionary<TeamType, int>();
        void Count(TeamType t, int n) => load[t] = load.GetValueOrDefault(t) + n;
        foreach (var g in Groups)
        {
            if (g.CurrentSocial is { } s) Count(s.Type, g.Members.Count);
            if (g.CurrentIro is not null) Count(TeamType.Iro, g.Members.Count);
        }
        foreach (var c in Children)
            foreach (var own in c.OwnAllocations)
                Count(own.Type, 1);
        int Need(TeamType t, double perWorker, int min) => Math.Max(min, (int)Math.Ceiling(load.GetValueOrDefault(t) / perWorker));

        var n = _options.Children;
        var frontDoor = NewService("Front door (MASH)");
        var earlyHelp = NewService("Early help");
        var assessment = NewService("Assessment and intervention");
        var inCare = NewService("Children in care");
        var quality = NewService("Quality and review");
        var virtualSchool = NewService("Virtual school");
        var fostering = NewService("Fostering");

        var mash = CaseTeams(frontDoor, TeamType.Mash, i => n > 20000 ? $"MASH {(char)('A' + i)}" : "MASH",
            Need(TeamType.Mash, 3, 3), HavenRole.SocialWorker, 8, () => _rng.Between(2, 5), swe: true);
        foreach (var team in mash)
            for (var i = 0; i < Math.Max(2, n / 1500 / mash.Count); i++) NewWorker(team, HavenRole.MashWorker, swe: false);
        var ooh = NewTeam(frontDoor, "Emergency duty team", TeamType.OutOfHours);
        for (var i = 0; i < Math.Max(2, n / 2500); i++) NewWorker(ooh, HavenRole.SocialWorker, swe: true);

        string[] localities = ["North", "Central", "South", "East", "West"];
        var ehWorkers = Need(TeamType.EarlyHelp, 15, 4);
        var ehTeams = Math.Clamp((int)Math.Ceiling(ehWorkers / 7.0), 2, 99);
        CaseTeams(earlyHelp, TeamType.EarlyHelp, i => ehTeams <= localities.Length ? $"Early help {localities[i]}"
            : $"Early help {localities[i % localities.Length]} {i / localities.Length + 1}",
            ehWorkers, HavenRole.EarlyHelpWorker, 7, () => _rng.Between(12, 18), swe: false, minTeams: Math.Min(3, ehTeams));

        // Teams are sized a little under the average so that, with rounding up and the smallest
        // teams, the average caseload lands near 15.
        CaseTeams(assessment, TeamType.Assessment, i => $"Assessment team {i + 1}", Need(TeamType.Assessment, SocialWorkerCaseload + 0.8, 2),
            HavenRole.SocialWorker, 6, () => _rng.Between(12, 20), swe: true);
        CaseTeams(assessment, TeamType.Safeguarding, i => $"Family safeguarding team {i + 1}", Need(TeamType.Safeguarding, SocialWorkerCaseload + 0.8, 2),
            HavenRole.SocialWorker, 6, () => _rng.Between(12, 20), swe: true);
        CaseTeams(inCare, TeamType.ChildrenInCare, i => $"Children in care team {i + 1}", Need(TeamType.ChildrenInCare, SocialWorkerCaseload + 0.8, 2),
            HavenRole.SocialWorker, 6, () => _rng.Between(12, 20), swe: true);
        var pas = Need(TeamType.LeavingCare, 22, 2);
        CaseTeams(inCare, TeamType.LeavingCare, i => pas <= 8 ? "Leaving care team" : $"Leaving care team {i + 1}", pas,
            HavenRole.PersonalAdviser, 8, () => _rng.Between(18, 26), swe: false);

        var cpChildren = Children.Count(c => c.Status == CaseStatus.ChildProtection);
        // IROs also chair child protection conferences, which are not allocations.
        var iros = Need(TeamType.Iro, 55, 2) + (int)Math.Ceiling(cpChildren / 90.0);
        CaseTeams(quality, TeamType.Iro, i => iros <= 12 ? "Independent reviewing officers" : $"Independent reviewing officers {i + 1}", iros,
            HavenRole.Iro, 12, () => _rng.Between(45, 65), swe: true);
        var lado = NewTeam(quality, "Allegations management (LADO)", TeamType.Lado);
        DemoWorkers[HavenRole.Lado] = NewWorker(lado, HavenRole.Lado, swe: true);
        var performance = NewTeam(quality, "Performance and systems", TeamType.Performance);
        for (var i = 0; i < 1 + n / 10000; i++) NewWorker(performance, HavenRole.PerformanceAnalyst, swe: false);
        for (var i = 0; i < 1 + n / 25000; i++) NewWorker(performance, HavenRole.SystemAdministrator, swe: false);

        CaseTeams(virtualSchool, TeamType.VirtualSchool, _ => "Virtual school", Need(TeamType.VirtualSchool, 45, 1),
            HavenRole.VirtualSchoolOfficer, 20, () => _rng.Between(35, 55), swe: false);

        var fosteringWorkers = Math.Max(3, (int)Math.Ceiling(Children.Count(c => c.Status == CaseStatus.InCare) / 22.0));
        var recruitment = NewTeam(fostering, "Fostering recruitment and assessment", TeamType.Fostering);
        var supervising = NewTeam(fostering, "Fostering supervising social workers", TeamType.Fostering);
        for (var i = 0; i < fosteringWorkers; i++) NewWorker(i % 3 == 0 ? recruitment : supervising, HavenRole.FosteringWorker, swe: _rng.Chance(0.75));

        // Senior leaders and partner-agency users do not sit in a team.
        for (var i = 0; i < 5; i++) SeniorLeaders.Add(NewWorker(null, HavenRole.SeniorLeader, swe: i > 0 && _rng.Chance(0.6)));
        for (var i = 0; i < 3; i++) PartnerWorkers.Add(NewWorker(null, HavenRole.PartnerAgency, swe: false));
        // Information governance officers (subject access, retention): two, since destruction needs a second approver.
        for (var i = 0; i < 2; i++) NewWorker(null, HavenRole.InformationGovernance, swe: false);
    }

    private Service NewService(string name)
    {
        var service = new Service { Name = name };
        Services.Add(service);
        return service;
    }

    private Team NewTeam(Service service, string name, TeamType type)
    {
        var team = new Team { Name = name };
        Teams.Add(team);
        ServiceOf[team] = service;
        TypeOf[team] = type;
        ManagerOf[team] = NewWorker(team, HavenRole.TeamManager, swe: type is not (TeamType.EarlyHelp or TeamType.Performance or TeamType.VirtualSchool));
        return team;
    }

    /// Teams of case holders in one part of the service, plus former workers who left (turnover),
    /// who appear only in past allocations.
    private List<Team> CaseTeams(Service service, TeamType type, Func<int, string> name, int holders, HavenRole role, int teamSize,
        Func<int> capacity, bool swe, int minTeams = 1)
    {
        var count = Math.Max(minTeams, (int)Math.Ceiling(holders / (double)teamSize));
        var teams = Enumerable.Range(0, count).Select(i => NewTeam(service, name(i), type)).ToList();
        var active = _holders[type] = [];
        var past = _pastHolders[type] = [];
        for (var i = 0; i < holders; i++)
        {
            var team = teams[i % count];
            var worker = NewWorker(team, role, swe);
            active.Add(new CaseHolder { Worker = worker, Team = team, Capacity = capacity() });
            past.Add((worker, team));
        }
        for (var i = 0; i < (int)Math.Ceiling(holders * 0.35); i++)
        {
            var team = teams[i % count];
            var leaver = NewWorker(team, role, swe);
            leaver.IsActive = false;
            past.Add((leaver, team));
        }
        return teams;
    }

    private Worker NewWorker(Team? team, HavenRole role, bool swe)
    {
        string name;
        do
        {
            var heritage = _rng.Weighted<Heritage>([(Heritage.British, 50), (Heritage.Irish, 5), (Heritage.Caribbean, 8), (Heritage.WestAfrican, 10),
                (Heritage.Indian, 7), (Heritage.Pakistani, 4), (Heritage.EastEuropean, 5), (Heritage.SouthernEuropean, 4), (Heritage.Somali, 2), (Heritage.HornOfAfrica, 1),
                (Heritage.Chinese, 2), (Heritage.Bangladeshi, 2)]);
            var sex = _rng.Chance(0.82) ? Sex.Female : Sex.Male;
            var dob = _rng.BirthDateForAge(_today, _rng.Between(24, 62));
            name = $"{FirstNameFor(heritage, sex, dob)} {SurnameFor(PickSurname(heritage), sex, heritage)}";
        }
        while (!_workerNames.Add(name));
        var worker = new Worker { DisplayName = name, Role = role };
        if (swe)
        {
            string number;
            do number = $"SW{_rng.Next(1_000_000):000000}"; while (!_sweNumbers.Add(number));
            worker.SweNumber = number;
        }
        Workers.Add(worker);
        if (team is not null) TeamOf[worker] = team;
        return worker;
    }

    // ---------------------------------------------------------------- allocation

    public void Allocate()
    {
        foreach (var g in Groups)
        {
            AllocateSegments(g, g.Social);
            AllocateSegments(g, g.Iro);
        }
        foreach (var c in Children)
            foreach (var own in c.OwnAllocations)
                AssignCurrent(own, 1, null);

        ChooseDemoWorkers();
        foreach (var g in Groups)
            if (g.Current is not null && _rng.Chance(VisitOverdueChance))
                MakeVisitOverdue(g, _today);
        if (DemoSocialWorker is { } demo)
        {
            // The demo caseload always shows something overdue.
            var demoGroups = _holders[TeamType.Safeguarding].First(h => h.Worker == demo).Groups;
            if (demoGroups.All(g => !g.VisitOverdue))
                foreach (var g in demoGroups.Where(g => g.Current?.Kind is InvolvementKind.ChildProtection or InvolvementKind.ChildInNeed).Take(2))
                    MakeVisitOverdue(g, _today);
        }
        foreach (var c in Children)
            c.RecordedBy = c.Group.Social.FirstOrDefault()?.Worker ?? _holders[TeamType.Mash][0].Worker;
    }

    private void AllocateSegments(CaseGroup g, List<AllocSeg> segments)
    {
        Worker? previous = null;
        foreach (var seg in segments)
        {
            if (seg.End is null) AssignCurrent(seg, g.Members.Count, g);
            else
            {
                var pool = _pastHolders[seg.Type];
                var pick = _rng.Pick(pool);
                if (pick.Worker == previous && pool.Count > 1) pick = _rng.Pick(pool);
                seg.Worker = pick.Worker;
                seg.Team = pick.Team;
            }
            previous = seg.Worker;
        }
    }

    /// Gives a current case to the worker of that kind with the most room on their caseload.
    private void AssignCurrent(AllocSeg seg, int children, CaseGroup? group)
    {
        var holders = _holders[seg.Type];
        var best = holders[0];
        foreach (var h in holders)
            if (h.Capacity - h.Load > best.Capacity - best.Load) best = h;
        best.Load += children;
        if (group is not null) best.Groups.Add(group);
        seg.Worker = best.Worker;
        seg.Team = best.Team;
    }

    private void ChooseDemoWorkers()
    {
        // The demo social worker: a family safeguarding worker with 15-20 children and a mix of
        // child in need, protection and in-care work, preferably with a review overdue.
        var candidates = _holders[TeamType.Safeguarding];
        var demo = candidates
            .OrderByDescending(h => h.Load is >= 15 and <= 20 ? 1 : 0)
            .ThenByDescending(h => h.Groups.Select(g => g.Current!.Kind).Distinct().Count()
                + (h.Groups.Any(g => g.ReviewOverdue) ? 2 : 0) + (h.Groups.Any(g => g.Members.Count > 1) ? 1 : 0))
            .ThenBy(h => Math.Abs(h.Load - 17))
            .First();
        DemoSocialWorker = demo.Worker;
        DemoWorkers[HavenRole.SocialWorker] = demo.Worker;
        DemoWorkers[HavenRole.TeamManager] = ManagerOf[demo.Team];
        DemoWorkers[HavenRole.MashWorker] = Workers.First(w => w.Role == HavenRole.MashWorker);
        DemoWorkers[HavenRole.EarlyHelpWorker] = Busiest(TeamType.EarlyHelp);
        var demoIro = demo.Groups.Select(g => g.CurrentIro?.Worker).FirstOrDefault(w => w is not null);
        DemoWorkers[HavenRole.Iro] = demoIro ?? Busiest(TeamType.Iro);
        DemoWorkers[HavenRole.VirtualSchoolOfficer] = Busiest(TeamType.VirtualSchool);
        DemoWorkers[HavenRole.PersonalAdviser] = Busiest(TeamType.LeavingCare);
        DemoWorkers[HavenRole.FosteringWorker] = Workers.First(w => w.Role == HavenRole.FosteringWorker);
        DemoWorkers[HavenRole.PerformanceAnalyst] = Workers.First(w => w.Role == HavenRole.PerformanceAnalyst);
        DemoWorkers[HavenRole.SystemAdministrator] = Workers.First(w => w.Role == HavenRole.SystemAdministrator);
        DemoWorkers[HavenRole.SeniorLeader] = SeniorLeaders[0];
        DemoWorkers[HavenRole.PartnerAgency] = PartnerWorkers[0];
        DemoWorkers[HavenRole.InformationGovernance] = Workers.First(w => w.Role == HavenRole.InformationGovernance);
    }

    private Worker Busiest(TeamType type) => _holders[type].OrderByDescending(h => h.Load).First().Worker;
}
